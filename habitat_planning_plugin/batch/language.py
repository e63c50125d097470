"""The report language of a run without QGIS: the plugin's compiled translation loaded into Qt's QtCore when Qt is
there (it is wherever QGIS is); otherwise English."""

_kept = []  # the application and translator must outlive the run


def install(language: str) -> bool:
    from ..paths import I18N_DIR, PLUGIN_NAME

    name = (language or "en").replace("-", "_")
    if not name.lower().startswith("zh"):
        return False
    try:
        from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    except ImportError:
        return False
    application = QCoreApplication.instance() or QCoreApplication([])
    translator = QTranslator()
    if not translator.load(str(I18N_DIR / f"{PLUGIN_NAME}_zh_CN.qm")):
        return False
    application.installTranslator(translator)
    _kept.extend([application, translator])
    return True
