"""The operator's content pack pages: list, install from a stick (checked first), remove, enable, disable."""

import shutil
import sys
from pathlib import Path

import pytest

from game.content.packs import user_packs_dir

from game.ui.jobs import Job
from game.ui.modes.operator.media import mount_points, packs_on_media

from ui_helpers import SIZES, layout_problems, make_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packs"))
from pack_helpers import SAMPLE, set_field, zip_folder  # noqa: E402


@pytest.fixture(autouse=True)
def jobs_at_once(monkeypatch):
    monkeypatch.setattr(Job, "run_now", True)


@pytest.fixture
def stick(tmp_path):
    """A USB stick mounted at media/<user>/STICK with the county's pack as a zip and as a folder."""
    medium = tmp_path / "media" / "kiosk" / "STICK"
    (medium / "反诈内容").mkdir(parents=True)
    shutil.copytree(SAMPLE, medium / "反诈内容" / "qingshan")
    zip_folder(SAMPLE, medium / "qingshan-1.0.zip")
    return medium


def roots(tmp_path):
    return ((tmp_path / "media", 2),)


def pages(tmp_path, **kw):
    app = make_app(**kw)
    app.load_content()
    packs_dir = user_packs_dir()      # in the test's own data folder (conftest)
    page = app.nav.navigate("operator_packs", media_roots=roots(tmp_path))
    app.step(0.05, [])
    return app, page, packs_dir


def install_from(app, page, path):
    page.open_install()
    install = app.stack.top
    install.start_check(path)
    install.update(0)
    return install


def test_the_packs_on_a_mounted_stick_are_found_as_zip_and_folder(tmp_path, stick):
    found = {f.path for f in packs_on_media(roots=roots(tmp_path))}
    assert found == {stick / "qingshan-1.0.zip", stick / "反诈内容" / "qingshan"}


def test_the_mount_points_are_the_sticks_not_the_users_folder(tmp_path, stick):
    assert mount_points(roots=roots(tmp_path)) == [stick]


def test_the_list_shows_the_shipped_pack_marked(tmp_path):
    app, page, _ = pages(tmp_path)
    shipped = next(r for r in page.rows if r.visible)
    assert shipped.text.startswith("★ ") and "版本" in page.details.text and "剧本" in page.details.text


def test_a_checked_pack_shows_its_name_and_counts_before_installing(tmp_path, stick):
    app, page, packs_dir = pages(tmp_path)
    install = install_from(app, page, stick / "qingshan-1.0.zip")
    assert "青山县反诈案例" in install.details.text and install.install_button.enabled
    assert not (packs_dir / "qingshan").exists(), "checking installs nothing"


def test_installing_from_the_stick_reloads_the_library_without_restarting(tmp_path, stick):
    app, page, packs_dir = pages(tmp_path)
    assert "qingshan_all" not in app.library.packs
    install = install_from(app, page, stick / "qingshan-1.0.zip")
    install.install()
    install.update(0)
    assert (packs_dir / "qingshan" / "pack.yaml").is_file()
    assert "qingshan_all" in app.library.packs
    assert page.chosen == "qingshan" and "已安装" in page.message


def test_a_pack_with_errors_cannot_be_installed_and_its_problem_is_shown(tmp_path, stick):
    folder = stick / "反诈内容" / "qingshan"
    set_field(folder / "quiz" / "quiz_qingshan.yaml", "    answer: 3\n", "    answer: 4\n")
    app, page, packs_dir = pages(tmp_path)
    install = install_from(app, page, folder)
    assert not install.install_button.enabled
    assert "有错误，不能安装" in install.details.text and "quiz_qingshan.yaml" in install.details.text
    install.install()
    assert not (packs_dir / "qingshan").exists()


def test_a_typed_path_that_is_no_pack_says_so(tmp_path):
    app, page, _ = pages(tmp_path)
    install = install_from(app, page, tmp_path)
    assert install.details.text.startswith("不是内容包") and not install.install_button.enabled


def installed(tmp_path, stick):
    app, page, packs_dir = pages(tmp_path)
    install = install_from(app, page, stick / "qingshan-1.0.zip")
    install.install()
    install.update(0)
    app.nav.back()
    return app, page, packs_dir


def test_disabling_a_pack_takes_its_audience_pack_out_of_the_game(tmp_path, stick):
    app, page, packs_dir = installed(tmp_path, stick)
    page.toggle_enabled()
    assert "qingshan_all" not in app.library.packs
    assert page.status().state == "disabled" and page.toggle.text == "启用"


def test_enabling_it_again_brings_it_back(tmp_path, stick):
    app, page, packs_dir = installed(tmp_path, stick)
    page.toggle_enabled()
    page.toggle_enabled()
    assert "qingshan_all" in app.library.packs


def test_removing_asks_twice_then_removes(tmp_path, stick):
    app, page, packs_dir = installed(tmp_path, stick)
    page.remove_chosen()
    assert (packs_dir / "qingshan").exists() and page.remove.text == "再点一次：删除"
    page.remove_chosen()
    assert not (packs_dir / "qingshan").exists() and "qingshan_all" not in app.library.packs


def test_the_shipped_pack_cannot_be_removed_or_disabled(tmp_path):
    app, page, _ = pages(tmp_path)
    assert not page.remove.enabled and not page.toggle.enabled


def test_the_chosen_audience_pack_removed_makes_the_title_ask_again(tmp_path, stick):
    app, page, packs_dir = installed(tmp_path, stick)
    app.save_operator_settings(pack="qingshan_all")
    page.remove_chosen()
    page.remove_chosen()
    assert app.settings.pack == ""


@pytest.mark.parametrize("size", [s for s in SIZES if s != (3840, 2160)])
@pytest.mark.parametrize("screen", ["operator_packs", "operator_install"])
def test_the_pack_pages_fit_by_touch(tmp_path, stick, size, screen):
    app, page, _ = pages(tmp_path, size=size)
    if screen == "operator_install":
        page = install_from(app, page, stick / "qingshan-1.0.zip")
    assert layout_problems(app, page) == []
