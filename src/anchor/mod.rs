//! Anchors: what survives translation (numbers, names, acronyms).
