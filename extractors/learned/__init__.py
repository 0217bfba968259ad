"""The learned layer: sentence classifiers on the bundled multilingual encoder.

`learned` lets the classifiers decide on their own; `combined` keeps the rules' spans, owners and
dates and lets the classifiers decide which sentences count. Weights and the model card are in
`weights/`; `make train` rewrites them from evals/datasets/sentences/.
"""

from extractors.learned.extractor import CombinedExtractor, LearnedExtractor, LearnedOptions

__all__ = ["CombinedExtractor", "LearnedExtractor", "LearnedOptions"]
