"""Every algorithm and model class the provider offers, in toolbox order."""

from .plan_assessment.plan_assessment import PlanAssessmentAlgorithm
from .plan_assessment.plan_scorecard_template import PlanScorecardTemplateAlgorithm
from .public_space.candidate_sites import CandidateSitesAlgorithm
from .public_space.kobo_form import KoboFormAlgorithm
from .public_space.public_space_access import PublicSpaceAccessAlgorithm
from .public_space.public_space_gaps import PublicSpaceGapsAlgorithm
from .public_space.public_space_inventory import PublicSpaceInventoryAlgorithm
from .public_space.public_space_quality import PublicSpaceQualityAlgorithm
from .public_space.public_space_scorecard import PublicSpaceScorecardAlgorithm
from .public_space.public_space_siting import PublicSpaceSitingAlgorithm
from .public_space.public_space_upgrade import PublicSpaceUpgradeAlgorithm
from .public_space.public_spaces_from_osm import PublicSpacesFromOsmAlgorithm
from .public_space.sdg1171_cities import Sdg1171CitiesAlgorithm
from .public_space.sdg1171_land_share import Sdg1171LandShareAlgorithm
from .public_space.streets_from_osm import StreetsFromOsmAlgorithm
from .public_space.urban_extent import UrbanExtentAlgorithm
from .sdf.sdf_accessibility import SdfAccessibilityAlgorithm
from .sdf.sdf_development_index import SdfDevelopmentIndexAlgorithm
from .sdf.sdf_function_gaps import SdfFunctionGapsAlgorithm
from .sdf.sdf_functions import SdfFunctionsAlgorithm
from .sdf.sdf_priority import SdfPriorityAlgorithm
from .sdf.sdf_scenario import SdfScenarioAlgorithm

ALGORITHM_CLASSES = [
    PublicSpacesFromOsmAlgorithm,
    StreetsFromOsmAlgorithm,
    PublicSpaceInventoryAlgorithm,
    Sdg1171LandShareAlgorithm,
    UrbanExtentAlgorithm,
    PublicSpaceAccessAlgorithm,
    PublicSpaceGapsAlgorithm,
    PublicSpaceSitingAlgorithm,
    CandidateSitesAlgorithm,
    Sdg1171CitiesAlgorithm,
    KoboFormAlgorithm,
    PublicSpaceQualityAlgorithm,
    PublicSpaceUpgradeAlgorithm,
    PublicSpaceScorecardAlgorithm,
    PlanScorecardTemplateAlgorithm,
    PlanAssessmentAlgorithm,
    SdfFunctionsAlgorithm,
    SdfDevelopmentIndexAlgorithm,
    SdfAccessibilityAlgorithm,
    SdfFunctionGapsAlgorithm,
    SdfPriorityAlgorithm,
    SdfScenarioAlgorithm,
]

# Models use the algorithms above.
from .models import PublicSpaceActionModel, PublicSpaceAssessmentModel, SdfModel  # noqa: E402

MODEL_CLASSES = [
    PublicSpaceAssessmentModel,
    PublicSpaceActionModel,
    SdfModel,
]
