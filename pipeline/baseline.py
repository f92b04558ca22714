"""TF-IDF + logistic regression on the same (topic, claim) pairs: the baseline every figure is shown beside."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Self

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from pipeline.classify import Pair
from pipeline.errors import StanceError
from pipeline.records import LABELS, Label


def _joined(pairs: Sequence[Pair]) -> list[str]:
    # Topic words prefixed so that "defence" in a topic and in a claim are different features.
    return [" ".join(f"T_{w}" for w in first.lower().split()) + " " + second for first, second in pairs]


class Pickled:
    """A fitted predictor saved as one pickle in the model folder."""

    def save(self, path: Path) -> None:
        path.write_bytes(pickle.dumps(self))

    @classmethod
    def load(cls, path: Path) -> Self:
        # Only ever loads the file `stance train` wrote into the model folder.
        try:
            obj = pickle.loads(path.read_bytes())
        except Exception as exc:  # a damaged pickle can raise almost anything
            raise StanceError(f"{path}: cannot load ({exc})") from None
        if not isinstance(obj, cls):
            raise StanceError(f"{path}: not a {cls.__name__}")
        return obj


class TfidfBaseline(Pickled):
    speaker_in_input = False  # the baselines read the claim (and its context) only

    def __init__(self, context_chars: int, seed: int = 0) -> None:
        self.context_chars = context_chars
        self.pipeline = Pipeline(
            [
                ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
                ("lr", LogisticRegression(max_iter=2000, class_weight="balanced", random_state=seed)),
            ]
        )

    def fit(self, pairs: Sequence[Pair], labels: Sequence[Label]) -> TfidfBaseline:
        self.pipeline.fit(_joined(pairs), [LABELS.index(lab) for lab in labels])
        return self

    def predict_proba(self, pairs: Sequence[Pair]) -> np.ndarray:
        out = np.zeros((len(pairs), len(LABELS)))
        if pairs:
            probs = self.pipeline.predict_proba(_joined(pairs))
            out[:, self.pipeline.classes_] = probs  # a class absent from training keeps probability 0
        return out
