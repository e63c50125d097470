"""Every algorithm class the provider offers, in toolbox order."""

ALGORITHM_CLASSES = []
