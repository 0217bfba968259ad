"""What WhatsApp itself writes into a chat export, in the locales Touchpoint reads, so that it
is dropped rather than stored as something a customer said.

The phrases are the app's own interface strings as they appear in exports (Android and iOS;
en, zh-Hans, zh-Hant, es, de, fr, ru, ja, ar, hi, th, vi, pt, it, id, nl, cs, pl, tr, uk, ko).
Versions of the app word some of them differently, so the parser also drops any message that
is nothing but an `<...>` placeholder (Android) or that iOS marks as a notice (see whatsapp.py).
"""

from __future__ import annotations

import re

# "image omitted", "<Media omitted>", deleted messages and missed calls, per locale
_PLACEHOLDERS = """
image omitted|video omitted|audio omitted|sticker omitted|GIF omitted|Contact card omitted|
document omitted|Media omitted|This message was deleted|You deleted this message|
This message was deleted by an admin|Missed voice call|Missed video call|null|
照片已忽略|视频已忽略|音频已忽略|贴图已省略|GIF 动态图已被忽略|联系人卡片已忽略|文档已省略|省略多媒体文件|
这条消息已被删除|您已删除这条消息|信息已删除|您删除这个信息|此消息已删除|未接语音通话|未接视频通话|
圖像已省略|影片已省略|音訊已省略|貼圖已忽略|GIF 圖片已被省略|聯絡人卡片已省略|文件已忽略|圖片已略去|
影片已略去|音訊已略去|貼圖已略去|GIF 已略去|聯絡人卡片已略去|文件已略去|忽略多媒體檔|此訊息已刪除|
您已刪除此訊息|未接語音通話|未接視像通話|
imagen omitida|Video omitido|audio omitido|sticker omitido|GIF omitido|Tarjeta de contacto omitida|
documento omitido|Archivo omitido|Multimedia omitido|Se eliminó este mensaje|Este mensaje fue eliminado|
Eliminaste este mensaje|Llamada perdida|Llamada de voz perdida|Videollamada perdida|
Bild weggelassen|Video weggelassen|Audio weggelassen|Sticker weggelassen|GIF weggelassen|
Kontaktkarte ausgelassen|Dokument weggelassen|Medien weggelassen|Medien ausgeschlossen|
Diese Nachricht wurde gelöscht|Du hast diese Nachricht gelöscht|Verpasster Sprachanruf|
Verpasster Videoanruf|
image absente|vidéo absente|audio omis|sticker omis|GIF retiré|Fiche contact manquante|
document manquant|Fichier omis|Médias omis|Ce message a été supprimé|Vous avez supprimé ce message|
Appel vocal manqué|Appel vidéo manqué|
изображение отсутствует|видео отсутствует|аудиофайл отсутствует|стикер не добавлен|GIF отсутствует|
Карточка контакта отсутствует|документ отсутствует|Файл пропущен|Без медиафайлов|
Данное сообщение удалено|Это сообщение удалено|Вы удалили это сообщение|Вы удалили данное сообщение|
Пропущенный аудиозвонок|Пропущенный видеозвонок|
画像は含まれていません|ビデオは含まれていません|音声は含まれていません|スタンプは含まれていません|
GIFは含まれていません|連絡先カードを省略|ドキュメントは含まれていません|メディアは含まれていません|
このメッセージは削除されました|このメッセージを削除しました|音声通話不在着信|ビデオ通話不在着信|不在着信|
لم يتم إدراج الصورة|لم يتم إدراج الفيديوهات|لم يتم إدراج المقاطع الصوتية|تم حذف الملصقات|
لم يتم إدراج صورة GIF|لم يتم إدراج بطاقة جهة اتصال|لم يتم إدراج المستند|تم استبعاد الوسائط|
تم حذف هذه الرسالة|لقد حذَفت هذه الرسالة|أنت حذفت هذه الرسالة|مكالمة صوتية فائتة|مكالمة فيديو فائتة|
फ़ोटो हटाई गई|वीडियो छोड़ा गया|ऑडियो हटाई गयी|स्टिकर छोड़ा गया|GIF छोड़ा गया|कॉन्टैक्ट कार्ड छोड़ा गया|
डॉक्यूमेंट छोड़ा गया|मीडिया के बिना|यह मैसेज डिलीट कर दिया गया है|आपने यह मैसेज डिलीट किया|
वॉइस कॉल मिस हुई|मिस्ड वीडियो कॉल|
ไม่มีรูปภาพ|วิดีโอถูกลบ|ไม่มีไฟล์เสียง|ไม่มีสติกเกอร์|ละเว้น GIF|บัตรรายชื่อที่ละเว้น|ละเว้นเอกสาร|สื่อถูกลบ|
ข้อความนี้ถูกลบแล้ว|ข้อความนี้ได้ถูกลบ|คุณได้ลบข้อความนี้|คุณลบข้อความนี้|สายที่ไม่ได้รับ|วิดีโอคอลที่ไม่ได้รับ|
đã bỏ qua hình ảnh|đã bỏ video|bỏ qua tệp âm thanh|đã bỏ sticker|Đã bỏ qua ảnh GIF|Bỏ qua thẻ liên lạc|
đã bỏ qua tài liệu|Bỏ qua Media|Tin nhắn này đã bị xóa|Tin nhắn này đã bị xoá|Bạn đã xóa tin nhắn này|
Bạn đã xoá tin nhắn này|Cuộc gọi nhỡ|Cuộc gọi nhỡ video|
imagem ocultada|imagem não revelada|vídeo omitido|vídeo não revelado|áudio ocultado|figurinha omitida|
documento não revelado|Mídia omitida|Mensagem apagada|Esta mensagem foi apagada|Você apagou esta mensagem|
Apagou esta mensagem|Chamada de voz perdida|Chamada de vídeo perdida|Videochamada perdida|
immagine omessa|video omesso|audio omesso|sticker non incluso|GIF esclusa|documento omesso|Media omesso|
Questo messaggio è stato eliminato|Hai eliminato questo messaggio|Chiamata vocale persa|Videochiamata persa|
gambar tidak disertakan|video tidak disertakan|audio tidak disertakan|stiker tidak disertakan|
dokumen tidak disertakan|Media tidak disertakan|Pesan ini dihapus|Pesan ini telah dihapus|
Anda menghapus pesan ini|Anda telah menghapus pesan ini|Panggilan suara tak terjawab|
afbeelding weggelaten|video weggelaten|audio weggelaten|sticker weggelaten|document weggelaten|
Media weggelaten|Dit bericht is verwijderd|U hebt dit bericht verwijderd|Je hebt dit bericht verwijderd|
obrázek vynechán|video vynecháno|dokument vynechán|Média vynechána|Média vynechány|Média vynechaná|
Tato zpráva byla smazána|Tato zpráva byla odstraněna|
obraz pominięty|wideo pominięte|pliki pominięto|Ta wiadomość została usunięta|
görüntü dahil edilmedi|video dahil edilmedi|Medya atlanmış|Medya dahil edilmedi|Bu mesaj silindi|Bu mesajı sildiniz|
зображення відсутнє|відео відсутнє|Медіа пропущено|Медіафайли пропущено|Це повідомлення було видалено|
Ви видалили це повідомлення|
이미지 생략됨|비디오 생략됨|미디어 파일을 생략한 대화내용|이 메시지는 삭제되었습니다|삭제한 메시지입니다
"""
# the first words of the end-to-end encryption notice that opens every export
ENCRYPTION_NOTICE = re.compile("^(?:" + "|".join((
    r"Messages and calls are end-to-end encrypted", r"Messages to yourself are end-to-end",
    r"Messages (?:you send )?to this (?:group|chat)(?: and calls)? are now secured",
    r"Messages to this chat and calls are now secured", r"消息和通话(?:都|已)进行端到端加密",
    r"訊息(?:和通話)?(?:已受|經)端對端加密", r"Los mensajes y las llamadas están cifrados",
    r"Nachrichten und Anrufe sind Ende-zu-Ende", r"Les messages et les appels sont chiffrés",
    r"Сообщения и звонки защищены", r"メッセージと通話はエンドツーエンド暗号化", r"الرسائل والمكالمات مشفرة",
    r"मैसेजेस और कॉल्स एंड-टू-एंड", r"ข้อความและการโทรได้รับการเข้ารหัส",
    r"Tin nhắn và cuộc gọi được mã hóa", r"Zprávy a hovory jsou", r"Berichten en (?:oproepen|gesprekken)",
    r"Pesan dan panggilan terenkripsi", r"I messaggi e le chiamate sono crittografati",
    r"As mensagens e (?:as )?chamadas", r"Mesajlar ve aramalar uçtan uca", r"메시지 및 전화는 종단간",
    r"Повідомлення й дзвінки захищено", r"Wiadomości i połączenia są")) + ")", re.IGNORECASE)
PLACEHOLDERS = frozenset(p.strip().casefold() for p in _PLACEHOLDERS.replace("\n", "").split("|"))
# "<attached: 00000035-PHOTO-2022-03-27.jpg>" (iOS) and "IMG-2022.jpg (file attached)" (Android)
ATTACHED = re.compile(r"<[^<>:：]{2,25}[:：]\s?[^<>]+>")
# also "2015-08-04-PHOTO-00004762.jpg <attached>" (older iOS)
FILE_ATTACHED = re.compile(r"^\S.{0,200}\.\w{2,5} (?:\([^()]{3,40}\)|<[^<>]{3,30}>)$")
ANGLE_PLACEHOLDER = re.compile(r"^<\s?[^<>]{2,40}\s?>$")


# iOS names a document before its placeholder: "Offer.pdf • 2 pages document omitted"
_NAMED_DOCUMENT = re.compile(r"^.{1,200}?(?:\.\w{1,5}|\S\s•\s.{1,40}?)\s+(?P<placeholder>\S.{2,60})$")


_PLACEHOLDER_ENDINGS = tuple(p for p in PLACEHOLDERS if len(p) > 8)


def is_placeholder(text: str) -> bool:
    """Whether `text` is only WhatsApp's stand-in for media, a deleted message or a call."""
    bare = text.strip().strip("<>").strip().rstrip(".。").casefold()
    if bare in PLACEHOLDERS or ANGLE_PLACEHOLDER.match(text.strip()):
        return True
    if len(bare) > 260 or not bare.endswith(_PLACEHOLDER_ENDINGS):
        return False
    named = _NAMED_DOCUMENT.match(bare)
    if named is None:
        return False
    return any(named["placeholder"].endswith(p) for p in PLACEHOLDERS if len(p) > 8)
