"""The hostile content files: what each one is, how to make it, and the problem it must give.

Every case is written into a fresh copy of ``tests/content/fixture/`` and loaded with
``load_library``. Big inputs are generated here, never committed; the few small,
readable ones live in ``files/``.

A case is either bytes (a file called ``name``) or a function that builds something in
the content folder (links, pipes, folders…) and leaves a file or folder called ``name``.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from game.content.yamlsafe import MAX_FILE_BYTES

HERE = Path(__file__).parent
FILES = HERE / "files"
FIXTURE = HERE.parent / "content" / "fixture"

# The fixture's scam type and scenario under ids of their own, so a hostile copy never
# collides with the fixture it sits beside.
SCAM = (FIXTURE / "scam_type.yaml").read_text("utf-8").replace("id: fake_police", "id: hostile_scam")
SCENE = (FIXTURE / "scenario.yaml").read_text("utf-8").replace("id: police_call", "id: hostile_scene")
SCAM_NAME_LINE = 3      # "name: 冒充公检法"
SCENE_EXTRA_LINE = 12   # a field added to node 'call' right after its 'channel:' line
SCENE_MONEY_LINE = 39   # "money: 50000" of the first choice of node 'pay'
SCENE_STAKE_LINE = 7    # "at_stake: 50000"

# Codes that say "this file could not even be read as YAML content".
READING_CODES = {"binary-file", "not-utf8", "control-character", "yaml-syntax", "empty-file", "too-deep",
                 "multiple-documents", "too-many-values", "alias-bomb", "unsafe-tag", "bad-key",
                 "duplicate-key", "not-a-mapping", "file-too-large", "bad-value", "wrong-type",
                 "out-of-range", "missing-field", "unknown-key"}


@dataclass(frozen=True)
class Case:
    name: str                                   # the file (or folder) in the content folder
    make: bytes | Callable[[], bytes] | Callable[[Path], None]
    code: str                                   # the problem code it must give …
    line: int | None = None                     # … at this line (None: no meaningful line)
    isolated: bool = False                      # load in a child process: a regression would crash C code
    on_disk: bool = False                       # ``make(root)`` builds it on disk

    def write(self, root: Path) -> None:
        if self.on_disk:
            self.make(root)
        else:
            data = self.make() if callable(self.make) else self.make
            (root / self.name).write_bytes(data)


def text(s: str) -> bytes:
    return s.encode("utf-8")


def scam(field: str, raw: str) -> bytes:
    """The scam type with one field's whole value replaced by ``raw`` (YAML source)."""
    out, n = re.subn(rf"^{field}: .*$", lambda _m: f"{field}: {raw}", SCAM, count=1, flags=re.M)
    assert n == 1, field
    return text(out)


def scam_plus(extra: str) -> bytes:
    """The scam type with ``extra`` lines appended (they start at line 11)."""
    return text(SCAM + extra)


def scene_field(field_line: str) -> bytes:
    """The scenario with one more field on node 'call', at line 12."""
    lines = SCENE.split("\n")
    lines.insert(SCENE_EXTRA_LINE - 1, "    " + field_line)
    return text("\n".join(lines))


def scene_money(raw: str) -> bytes:
    out = SCENE.replace("        money: 50000\n", f"        money: {raw}\n", 1)
    assert out != SCENE
    return text(out)


def committed(name: str) -> Callable[[], bytes]:
    return lambda: (FILES / name).read_bytes()


# ---------------------------------------------------------------- generators of big inputs

def laughs_in_mappings() -> bytes:
    keys = "abcdefghi"
    out = ["l0: &l0 {" + ", ".join(f"{k}: lol" for k in keys) + "}"]
    for i in range(1, 9):
        out.append(f"l{i}: &l{i} {{" + ", ".join(f"{k}: *l{i - 1}" for k in keys) + "}")
    return text("\n".join(out) + "\n")


def aliased_keys() -> bytes:
    """Mapping keys that are aliases of mappings, multiplied by aliases: problems, not values, explode."""
    return text("m: &m {a: 1}\n"
                "k: &k {" + ", ".join(["? *m : 1"] * 1000) + "}\n"
                "l: &l [" + ", ".join(["*k"] * 1000) + "]\n"
                "z: [" + ", ".join(["*l"] * 100) + "]\n")


def alias_chain(levels: int) -> bytes:
    """Each anchor a list holding the one before: shallow in the file, deep once expanded."""
    return text("a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, levels)))


def alias_chain_behind_keys(levels: int) -> bytes:
    """The same chain hidden in keys (never expanded), then used once at full depth."""
    return text("? &a0 [x]\n: 1\n"
                + "".join(f"? &a{i} [*a{i - 1}]\n: 1\n" for i in range(1, levels))
                + f"z: *a{levels - 1}\n")


def block_mapping_tower(levels: int) -> bytes:
    return text("".join("  " * i + "a:\n" for i in range(levels)) + "  " * levels + "x\n")


def indentless_tower(levels: int) -> bytes:
    """'k:' then '- k:' at the same column: two levels per line for one indentation step."""
    return text("k:\n" + "".join("  " * i + "- k:\n" for i in range(levels)) + "  " * levels + "  x\n")


def fake_closers_in_comment(levels: int) -> bytes:
    return text("# " + "]" * levels + "\nkind: " + "[" * levels + "]" * levels + "\n")


def fake_closers_in_quotes(levels: int) -> bytes:
    return text("kind: " + '["]", ' * levels + "x" + "]" * levels + "\n")


def many_values(count: int) -> bytes:
    """``count`` node ids with a value each: twice as many values."""
    ids = ("".join(chr(97 + (i // 26 ** k) % 26) for k in range(4)) for i in range(count))
    return text("kind: scenario\nid: many\nnodes: {" + ", ".join(f"{i}: 0" for i in ids) + "}\n")


def long_flow_line() -> bytes:
    items = ", ".join(["urgency"] * 100_000)
    return text(SCAM.replace("techniques: [authority, fear, secrecy]", f"techniques: [{items}]"))


def script(nodes: dict[str, str], start: str = "n0", sid: str = "big_script") -> bytes:
    """A scenario from {node id: flow-style node body}."""
    head = (f"kind: scenario\nid: {sid}\ntitle: 长剧本\nscam_type: fake_police\nsummary: 很长的剧本。\n"
            f"start: {start}\nnodes:\n")
    return text(head + "".join(f"  {nid}: {body}\n" for nid, body in nodes.items()))


NEUTRAL = "outcome: neutral, ladder: engaged"  # no feedback: a warning, and fewer values
SAFE_END = "{channel: sms, ending: {outcome: escaped, summary: 好}}"
SCAM_END = "{channel: sms, ending: {outcome: scammed, summary: 坏}}"
DECIDE = ("{channel: sms, choices: [{text: 好, to: s_end, outcome: safe, ladder: verified, feedback: 好}, "
          "{text: 坏, to: b_end, outcome: risky, ladder: paid, feedback: 坏}]}")


def go(*targets: str) -> str:
    return "{channel: sms, choices: [" + ", ".join(f"{{text: 走, to: {t}, {NEUTRAL}}}" for t in targets) + "]}"


def chain_script(n: int) -> bytes:
    nodes = {f"n{i}": go(f"n{i + 1}" if i < n - 1 else "decide") for i in range(n)}
    return script({**nodes, "decide": DECIDE, "s_end": SAFE_END, "b_end": SCAM_END})


def loop_without_exit_script(n: int) -> bytes:
    return script({f"n{i}": go(f"n{(i + 1) % n}") for i in range(n)})


def big_cycle_with_exit_script(n: int) -> bytes:
    nodes = {f"n{i}": go(f"n{(i + 1) % n}") for i in range(n)}
    nodes[f"n{n - 1}"] = go("n0", "decide")
    return script({**nodes, "decide": DECIDE, "s_end": SAFE_END, "b_end": SCAM_END})


def unknown_targets_script(n: int) -> bytes:
    return script({f"n{i}": go(f"missing_{i}") for i in range(n)})


def fan_out_script(n: int) -> bytes:
    nodes = {"n0": go(*(f"leaf{i}" for i in range(n)), "decide")}
    nodes.update({f"leaf{i}": SAFE_END for i in range(n)})
    return script({**nodes, "decide": DECIDE, "s_end": SAFE_END, "b_end": SCAM_END})


def self_loop_script() -> bytes:
    # line 8: n0, line 9: stuck (its only choice leads back to itself)
    return script({"n0": go("stuck", "decide"), "stuck": go("stuck"),
                   "decide": DECIDE, "s_end": SAFE_END, "b_end": SCAM_END})


def lead_in_to_loop_script() -> bytes:
    # line 8: n0, line 9: lead (not in the loop, but its only way on is the loop), lines 10-11: the loop
    return script({"n0": go("lead", "decide"), "lead": go("loop_a"), "loop_a": go("loop_b"),
                   "loop_b": go("loop_a"), "decide": DECIDE, "s_end": SAFE_END, "b_end": SCAM_END})


def random_bytes(seed: int) -> bytes:
    """Any bytes (seed % 3 == 0), bytes without NUL (1), or random code points as UTF-8 (2)."""
    rnd = random.Random(seed)
    size = rnd.randrange(64, 20_000)
    if seed % 3 == 0:
        return bytes(rnd.randrange(256) for _ in range(size))
    if seed % 3 == 1:
        return bytes(rnd.randrange(1, 256) for _ in range(size))
    points = (rnd.choice((rnd.randrange(1, 0x80), rnd.randrange(0x80, 0xD800), rnd.randrange(0xE000, 0x110000)))
              for _ in range(size // 3))
    return "".join(map(chr, points)).encode("utf-8")


def mutated_scene(seed: int) -> bytes:
    """The fixture's scenario with a few random line edits: deleted, doubled, swapped, re-indented, spiked."""
    rnd = random.Random(seed)
    lines = SCENE.split("\n")
    for _ in range(rnd.randrange(1, 6)):
        i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
        edit = rnd.randrange(5)
        if edit == 0:
            del lines[i]
        elif edit == 1:
            lines.insert(i, lines[j])
        elif edit == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif edit == 3:
            lines[i] = " " * rnd.randrange(12) + lines[i].lstrip()
        else:
            at = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:at] + rnd.choice("-?:[]{}&*!|>'\"%@`#,~\\\t") + lines[i][at:]
    return text("\n".join(lines))


def random_yamlish(seed: int) -> bytes:
    rnd = random.Random(seed)
    alphabet = list("kind: scenario\n-[]{}&*!|>'\"%@`#,?:~ \n0123456789abc中文\\") + ["\n  ", "- ", ": ", "&a ", "*a "]
    return text("kind: scenario\n" + "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(10, 4000))))


# ---------------------------------------------------------------- things on disk

def folder_named_yaml(root: Path) -> None:
    (root / "folder.yaml").mkdir()


def pipe(root: Path) -> None:
    os.mkfifo(root / "pipe.yaml")


def link_outside(root: Path) -> None:
    outside = root.parent / f"{root.name}_outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("kind: scam_type\nid: secret\nname: 机密\n", encoding="utf-8")
    (root / "link_outside.yaml").symlink_to(outside / "secret.yaml")


def link_to_device(root: Path) -> None:
    (root / "zero.yaml").symlink_to("/dev/zero")


def dangling_link(root: Path) -> None:
    (root / "dangling.yaml").symlink_to(root / "nothing_here")


def huge_sparse(root: Path) -> None:
    with open(root / "huge.yaml", "wb") as fh:
        fh.truncate(3 * 1024 ** 3)   # 3 GB of nothing: must be refused without being read


def asset_setup(kind: str) -> Callable[[Path], None]:
    """A scenario whose picture is a link leaving the folder, a folder, or a link loop."""
    def setup(root: Path) -> None:
        images = root / "images"
        outside = root.parent / f"{root.name}_pictures"
        outside.mkdir()
        (outside / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        if kind == "file_link":
            images.mkdir()
            (images / "cat.png").symlink_to(outside / "cat.png")
        elif kind == "folder_link":
            images.symlink_to(outside, target_is_directory=True)
        elif kind == "folder":
            (images / "cat.png").mkdir(parents=True)
        elif kind == "loop":
            images.mkdir()
            (images / "cat.png").symlink_to(images / "cat.png")
        (root / f"asset_{kind}.yaml").write_bytes(scene_field("image: images/cat.png"))
    return setup


# ---------------------------------------------------------------- the cases

CASES: list[Case] = [
    # --- anchors and aliases
    Case("laughs_in_mappings.yaml", laughs_in_mappings, "alias-bomb"),
    Case("aliased_keys_bomb.yaml", aliased_keys, "alias-bomb"),
    Case("anchor_holds_itself_list.yaml", committed("anchor_holds_itself_list.yaml"), "alias-bomb", 1),
    Case("anchor_holds_itself_map.yaml", committed("anchor_holds_itself_map.yaml"), "alias-bomb", 1),
    Case("anchor_holds_itself_deep.yaml", committed("anchor_holds_itself_deep.yaml"), "alias-bomb", 2),
    Case("alias_chain_60.yaml", lambda: alias_chain(60), "too-deep"),
    Case("alias_chain_behind_keys.yaml", lambda: alias_chain_behind_keys(1500), "too-deep"),
    # --- nesting
    Case("block_mapping_tower.yaml", lambda: block_mapping_tower(300), "too-deep", 41),
    Case("block_sequence_tower.yaml", lambda: text("- " * 5000 + "x\n"), "too-deep", 1),
    Case("explicit_key_tower.yaml", lambda: text("? " * 100_000 + "x\n"), "too-deep", 1, isolated=True),
    Case("indentless_tower.yaml", lambda: indentless_tower(30), "too-deep"),
    Case("flow_tower_after_closers_in_comment.yaml", lambda: fake_closers_in_comment(100_000), "too-deep", 2,
         isolated=True),
    Case("flow_tower_with_closers_in_quotes.yaml", lambda: fake_closers_in_quotes(60_000), "too-deep", 1,
         isolated=True),
    Case("block_then_flow_tower.yaml",
         lambda: text("".join("  " * i + "- k:\n" for i in range(15)) + "  " * 15 + "  " + "[" * 30 + "]" * 30 + "\n"),
         "too-deep"),
    # --- size
    Case("just_over_the_limit.yaml", lambda: text("# " + "x" * (MAX_FILE_BYTES - 2) + "\n"), "file-too-large", 0),
    Case("huge.yaml", huge_sparse, "file-too-large", 0, on_disk=True),
    Case("hundred_thousand_values.yaml", lambda: many_values(50_000), "too-many-values"),
    Case("long_flow_line.yaml", long_flow_line, "too-many-values", 5),
    Case("long_text.yaml", lambda: scam("name", "长" * 100_000), "text-too-long", SCAM_NAME_LINE),
    Case("long_id.yaml", lambda: scam("id", "a" * 10_000), "bad-id", 2),
    # --- numbers
    Case("money_huge.yaml", lambda: scene_money("99999999999999999999999"), "out-of-range", SCENE_MONEY_LINE),
    Case("money_5000_digits.yaml", lambda: scene_money("9" * 5000), "out-of-range", SCENE_MONEY_LINE),
    Case("money_hex_underscore.yaml", lambda: scene_money("0x_"), "bad-value", SCENE_MONEY_LINE),
    Case("money_binary_underscore.yaml", lambda: scene_money("0b_"), "bad-value", SCENE_MONEY_LINE),
    Case("money_nan.yaml", lambda: scene_money(".nan"), "wrong-type", SCENE_MONEY_LINE),
    Case("money_1e400.yaml", lambda: scene_money("1e400"), "wrong-type", SCENE_MONEY_LINE),
    Case("money_inf_float.yaml", lambda: scene_money("1.0e+400"), "wrong-type", SCENE_MONEY_LINE),
    Case("stake_minus_inf.yaml", lambda: text(SCENE.replace("at_stake: 50000", "at_stake: -.inf")), "wrong-type",
         SCENE_STAKE_LINE),
    Case("money_int_tag_on_text.yaml", lambda: scene_money("!!int abc"), "bad-value", SCENE_MONEY_LINE),
    Case("money_float_tag_on_text.yaml", lambda: scene_money("!!float abc"), "bad-value", SCENE_MONEY_LINE),
    Case("bool_tag_on_maybe.yaml", lambda: scam("name", "!!bool maybe"), "bad-value", SCAM_NAME_LINE),
    # --- keys
    Case("key_list.yaml", lambda: scam_plus("? [a, b]\n: 1\n"), "bad-key", 11),
    Case("key_mapping.yaml", lambda: scam_plus("? {a: 1}\n: 1\n"), "bad-key", 11),
    Case("key_float.yaml", lambda: scam_plus("1.5: x\n"), "bad-key", 11),
    Case("key_null.yaml", lambda: scam_plus("~: x\n"), "bad-key", 11),
    Case("key_bool_on.yaml", lambda: scam_plus("on: x\n"), "bad-key", 11),
    Case("key_bool_yes.yaml", lambda: scam_plus("yes: x\n"), "bad-key", 11),
    Case("key_in_flow_float.yaml", lambda: text("{kind: scam_type, 1.5: x}\n"), "bad-key", 1),
    # --- YAML 1.1 oddities (yes/no/on/off in text fields are kept as written: see tests/content)
    Case("text_date.yaml", lambda: scam("name", "2024-01-01"), "wrong-type", SCAM_NAME_LINE),
    Case("text_equals.yaml", lambda: scam("name", "="), "wrong-type", SCAM_NAME_LINE),
    Case("text_merge_marker.yaml", lambda: scam("name", "<<"), "wrong-type", SCAM_NAME_LINE),
    Case("tag_zoo.yaml", committed("tag_zoo.yaml"), "unsafe-tag", 3),
    Case("tag_timestamp.yaml", lambda: scam("name", '!!timestamp "2001-12-14"'), "unsafe-tag", SCAM_NAME_LINE),
    Case("tag_set.yaml", lambda: scam("techniques", "!!set {authority, fear}"), "unsafe-tag", 5),
    Case("tag_omap.yaml", lambda: scam("techniques", "!!omap [a: 1, b: 2]"), "unsafe-tag", 5),
    Case("tag_pairs.yaml", lambda: scam("techniques", "!!pairs [a: 1]"), "unsafe-tag", 5),
    Case("tag_custom.yaml", lambda: scam("name", "!evil 冒充"), "unsafe-tag", SCAM_NAME_LINE),
    Case("tag_str_on_mapping.yaml", lambda: scam("name", "!!str {a: 1}"), "unsafe-tag", SCAM_NAME_LINE),
    Case("tag_map_on_text.yaml", lambda: scam("name", "!!map abc"), "unsafe-tag", SCAM_NAME_LINE),
    Case("tag_seq_on_text.yaml", lambda: scam("name", "!!seq abc"), "unsafe-tag", SCAM_NAME_LINE),
    Case("tag_verbatim_python.yaml",
         lambda: scam("name", "!<tag:yaml.org,2002:python/object/apply:os.system> [echo]"), "unsafe-tag",
         SCAM_NAME_LINE),
    Case("tag_directive_custom.yaml",
         lambda: b"%TAG !e! tag:evil.example,2000:\n---\n" + scam("name", "!e!thing 冒充"), "unsafe-tag", 5),
    Case("tag_directive_python.yaml",
         lambda: b"%TAG !p! tag:yaml.org,2002:python/\n---\n" + scam("name", "!p!object:os.system 冒充"),
         "unsafe-tag", 5),
    Case("yaml_version_2.yaml", lambda: b"%YAML 2.0\n---\n" + text(SCAM), "yaml-syntax", 1),
    # --- encodings
    Case("utf16_notepad.yaml", committed("utf16_notepad.yaml"), "not-utf8", 1),
    Case("utf16_big_endian.yaml", lambda: b"\xfe\xff" + SCAM.encode("utf-16-be"), "not-utf8", 1),
    Case("utf32.yaml", lambda: SCAM.encode("utf-32"), "not-utf8", 1),
    Case("latin1.yaml", lambda: "kind: scam_type\nid: latin\nname: Café\n".encode("latin-1"), "not-utf8", 3),
    Case("gbk.yaml", committed("gbk.yaml"), "not-utf8", SCAM_NAME_LINE),
    Case("shift_jis.yaml", committed("shift_jis.yaml"), "not-utf8", SCAM_NAME_LINE),
    Case("mixed_utf8_gbk.yaml",
         lambda: text(SCAM).replace("骗子冒充警察".encode("utf-8"), "骗子冒充警察".encode("gbk")), "not-utf8", 4),
    # --- control, bidi and invisible characters
    Case("escape_sequence_in_quotes.yaml", committed("escape_sequence_in_quotes.yaml"), "control-character",
         SCAM_NAME_LINE),
    Case("nul_escape_in_quotes.yaml", lambda: scam("name", '"冒充\\0公检法"'), "control-character", SCAM_NAME_LINE),
    Case("bell_escape_in_quotes.yaml", lambda: scam("name", '"冒充\\x07公检法"'), "control-character",
         SCAM_NAME_LINE),
    Case("nul_after_8k.yaml", lambda: text("# " + "x" * 9000 + "\n" + SCAM.replace("冒充公检法", "冒充\x00公检法")),
         "control-character", SCAM_NAME_LINE + 1),
    Case("c1_next_line.yaml", lambda: scam("name", "冒充\x85公检法"), "control-character", SCAM_NAME_LINE),
    Case("bidi_override.yaml", committed("bidi_override.yaml"), "control-character", SCAM_NAME_LINE),
    Case("bidi_override_in_link.yaml", lambda: scene_field("link: http://example.cn/\u202egnp.exe"),
         "control-character", SCENE_EXTRA_LINE),
    Case("bidi_escape_in_quotes.yaml", lambda: scam("name", '"冒充\\u202e公检法"'), "control-character",
         SCAM_NAME_LINE),
    Case("bidi_isolate.yaml", lambda: scam("name", "冒充\u2066公检法\u2069"), "control-character", SCAM_NAME_LINE),
    Case("zero_width_space.yaml", lambda: scam("name", "冒充\u200b公检法"), "control-character", SCAM_NAME_LINE),
    Case("zero_width_joiner.yaml", lambda: scam("name", "冒充\u200d公检法"), "control-character", SCAM_NAME_LINE),
    Case("bom_inside.yaml", lambda: scam("name", "冒充\ufeff公检法"), "control-character", SCAM_NAME_LINE),
    Case("line_separator.yaml", lambda: scam("name", "冒充\u2028公检法"), "control-character", SCAM_NAME_LINE),
    Case("emoji.yaml", lambda: scam("name", "冒充😀公检法"), "font-missing-glyph", SCAM_NAME_LINE),
    Case("astral_cjk.yaml", lambda: scam("name", "冒充\U00020000公检法"), "font-missing-glyph", SCAM_NAME_LINE),
    Case("private_use.yaml", lambda: scam("name", "冒充\ue000公检法"), "font-missing-glyph", SCAM_NAME_LINE),
    # --- picture paths
    Case("asset_backslash_traversal.yaml", lambda: scene_field(r"image: '..\..\secret.png'"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_dotdot_inside.yaml", lambda: scene_field("image: images/../../secret.png"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_url_encoded.yaml", lambda: scene_field("image: '%2e%2e/%2e%2e/etc/passwd'"), "asset-missing",
         SCENE_EXTRA_LINE),
    Case("asset_windows_drive.yaml", lambda: scene_field(r"image: 'C:\Windows\win.ini'"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_windows_drive_slash.yaml", lambda: scene_field("image: C:/Windows/win.ini"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_unc.yaml", lambda: scene_field(r"image: '\\server\share\cat.png'"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_unc_slash.yaml", lambda: scene_field("image: //server/share/cat.png"), "asset-outside",
         SCENE_EXTRA_LINE),
    Case("asset_file_url.yaml", lambda: scene_field("image: file:///etc/passwd"), "asset-missing", SCENE_EXTRA_LINE),
    Case("asset_http_url.yaml", lambda: scene_field("image: http://evil.example/cat.png"), "asset-missing",
         SCENE_EXTRA_LINE),
    Case("asset_nul.yaml", lambda: scene_field('image: "images/cat.png\\0.txt"'), "control-character",
         SCENE_EXTRA_LINE),
    Case("asset_name_too_long.yaml", lambda: scene_field("image: " + "a" * 5000 + ".png"), "asset-missing",
         SCENE_EXTRA_LINE),
    Case("asset_file_link.yaml", asset_setup("file_link"), "asset-outside", SCENE_EXTRA_LINE, on_disk=True),
    Case("asset_folder_link.yaml", asset_setup("folder_link"), "asset-outside", SCENE_EXTRA_LINE, on_disk=True),
    Case("asset_folder.yaml", asset_setup("folder"), "asset-missing", SCENE_EXTRA_LINE, on_disk=True),
    Case("asset_loop.yaml", asset_setup("loop"), "asset-missing", SCENE_EXTRA_LINE, on_disk=True),
    # --- files that are not plain files
    Case("folder.yaml", folder_named_yaml, "unreadable", 0, on_disk=True),
    Case("pipe.yaml", pipe, "unreadable", 0, on_disk=True),
    Case("link_outside.yaml", link_outside, "unreadable", 0, on_disk=True),
    Case("zero.yaml", link_to_device, "unreadable", 0, on_disk=True),
    Case("dangling.yaml", dangling_link, "unreadable", 0, on_disk=True),
    # --- the shape of a script
    Case("loop_without_exit_1000.yaml", lambda: loop_without_exit_script(1000), "loop-without-exit", 8),
    Case("unknown_targets_1000.yaml", lambda: unknown_targets_script(1000), "unknown-node", 8),
    Case("self_loop.yaml", self_loop_script, "loop-without-exit", 9),
    Case("lead_in_to_loop.yaml", lead_in_to_loop_script, "dead-end", 9),
]

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "case names must be unique"
