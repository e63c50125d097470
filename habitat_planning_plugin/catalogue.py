"""The plugin's tool areas as the menu, the toolbox and the models name them: the one place the GUI and
Processing both read (so that the GUI needs no Processing internals)."""

from .core.text import tr_noop

PROVIDER_ID = "habitat"

GROUPS = {
    "publicspace": tr_noop("Public space"),
    "planassessment": tr_noop("Plan assessment"),
    "sdf": tr_noop("Spatial development framework"),
}

GROUP_ICONS = {
    "publicspace": "public_space.svg",
    "planassessment": "plan_assessment.svg",
    "sdf": "sdf.svg",
}
