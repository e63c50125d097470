#!/usr/bin/env python3
"""Make the before/after screenshot gallery in docs/screenshots/ (small PNGs and a README.md page).

"After" is this tree; "before" is an earlier commit (default: the last one before the Chinese-workshop work),
checked out in a temporary git worktree. Both run test/desktop_session.py in the real QGIS desktop, in a fresh
profile set to Chinese as a user sets it (zh-Hans), and the after also in English. Run under an X display:

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python scripts/make_gallery.py [--before COMMIT]
"""

import argparse
import base64
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GALLERY = ROOT / "docs" / "screenshots"
BEFORE = "ef7623c"  # main before issue 18's items 2-7
WIDTH = 560
# The steps shown (screenshot name without its number) and what to look at in each.
STEPS = [
    ("workshop_data", "Workshop data loaded: the map on the city", "加载培训数据：地图定位到城市"),
    ("publicspace_step1", "Guided public space assessment, step 1", "全市公共空间评估（向导）第 1 步"),
    ("publicspace_map", "Its results on the map, legend with labels", "结果图层与图例"),
    ("publicspacequality_map", "Public space quality", "公共空间质量"),
    ("sdf_map", "SDF: hierarchy and influence zones, legends with units", "空间发展框架：等级与影响范围"),
    ("score_a_plan", "Score a plan: themes and full questions", "规划评分：主题与完整问题"),
    ("non_guided_access", "A non-guided tool opens on the right layers", "非向导工具的默认输入"),
]
REPORT_MAPS = [("publicspace", "land_share_report.html", "SDG 11.7.1 (a) report map", "11.7.1 (a) 报告地图")]


def small_png(source: Path, target: Path, width: int = WIDTH) -> None:
    from PIL import Image

    image = Image.open(source).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=128, method=Image.MEDIANCUT).save(target, optimize=True)


def run(label: str, language: str, work: Path, zip_root: Path):
    from test.test_desktop import run_desktop

    shots = work / f"shots_{label}_{language}"
    session = run_desktop(work / f"{label}_{language}", language, shots, zip_root)
    folder = GALLERY / f"{label}_{'zh' if language.startswith('zh') else 'en'}"
    shutil.rmtree(folder, ignore_errors=True)
    kept = {}
    for path in map(Path, session["shots"]):
        step = re.sub(r"^\d+_", "", path.stem)
        if step in dict((s, 1) for s, _, _ in STEPS):
            small_png(path, folder / f"{step}.png")
            kept[step] = f"{folder.name}/{step}.png"
    for tool, report, _, _ in REPORT_MAPS:
        reports = [r for r in session["tools"].get(tool, {}).get("reports", []) if r.endswith(report)]
        if reports:
            images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", Path(reports[0]).read_text("utf-8"))
            maps = [data for data in images if len(data) > 20_000]  # the map, not a small chart
            if maps:
                raw = work / f"{label}_{language}_{tool}_map.png"
                raw.write_bytes(base64.b64decode(maps[-1]))
                small_png(raw, folder / f"{tool}_report_map.png")
                kept[f"{tool}_report_map"] = f"{folder.name}/{tool}_report_map.png"
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE, help="commit for the 'before' screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        worktree = work / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.before],
            check=True,
            capture_output=True,
        )
        try:
            (worktree / ".venv").symlink_to(ROOT / ".venv")
            before = run("before", "zh-Hans", work, worktree)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
        after = run("after", "zh-Hans", work, ROOT)
        after_en = run("after", "en_US", work, ROOT)
    rows = []
    for step, english, chinese in STEPS + [(f"{t}_report_map", e, c) for t, _, e, c in REPORT_MAPS]:
        cells = [
            f"![before]({before[step]})" if step in before else "—",
            f"![after]({after[step]})" if step in after else "—",
            f"![after, English]({after_en[step]})" if step in after_en else "—",
        ]
        rows.append(f"| {english}<br>{chinese} | " + " | ".join(cells) + " |")
    page = [
        "# Screenshots · 截图",
        "",
        "The workshop in the real QGIS 3.22 desktop, as `test/test_desktop.py` runs it: before (commit "
        f"`{args.before}`) and after the Chinese-workshop work, in Chinese as a user sets it "
        "(*Settings ▸ Options ▸ General ▸ 简体中文*), and after in English. Made with "
        "`scripts/make_gallery.py`; every step's full-size screenshot is in `build/screenshots/desktop/` after "
        "`make test`.",
        "",
        "| Step · 步骤 | Before · 之前 (中文) | After · 之后 (中文) | After · 之后 (English) |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    (GALLERY / "README.md").write_text("\n".join(page), encoding="utf-8")
    print(f"wrote {GALLERY}/README.md and {sum(1 for _ in GALLERY.rglob('*.png'))} PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
