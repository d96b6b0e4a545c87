"""Precision, recall and F1: the one definition every gold-set evaluation uses.

Example:
    >>> prf(3, 1, 2, ndigits=4)
    {'precision': 0.75, 'recall': 0.6, 'f1': 0.6667}
    >>> f1(0.5, 1.0)
    0.6666666666666666
"""

from __future__ import annotations

from dataclasses import dataclass


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def prf(tp: float, fp: float, fn: float, *, ndigits: int | None = None) -> dict[str, float]:
    """``{"precision", "recall", "f1"}`` from true/false positive and false negative counts.

    Counts may be weights (floats). With ``ndigits``, each value is rounded (F1 from the
    unrounded precision and recall).
    """
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    scores = {"precision": precision, "recall": recall, "f1": f1(precision, recall)}
    if ndigits is not None:
        scores = {key: round(value, ndigits) for key, value in scores.items()}
    return scores


@dataclass(slots=True)
class Counts:
    """Running true positive, false positive and false negative counts (or weights)."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    def add(self, *, hits: float, predicted: float, gold: float) -> None:
        """Count ``hits`` matches among ``predicted`` predictions and ``gold`` gold items."""
        self.tp += hits
        self.fp += predicted - hits
        self.fn += gold - hits

    def scores(self, *, ndigits: int | None = None) -> dict[str, float]:
        """:func:`prf` of these counts."""
        return prf(self.tp, self.fp, self.fn, ndigits=ndigits)


def prf_from_totals(tp: int, n_pred: int, n_gold: int, *, ndigits: int | None = None) -> dict[str, float]:
    """:func:`prf` from the number of matches and the sizes of the predicted and gold sets."""
    return prf(tp, n_pred - tp, n_gold - tp, ndigits=ndigits)
