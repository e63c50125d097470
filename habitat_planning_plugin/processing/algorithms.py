"""Every algorithm class the provider offers, in toolbox order."""

from .public_space.public_space_access import PublicSpaceAccessAlgorithm

ALGORITHM_CLASSES = [
    PublicSpaceAccessAlgorithm,
]
