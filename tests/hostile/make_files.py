"""Writes the small hostile files in files/. Run once; the files are committed.

They are the readable examples of tests/hostile/hostile_cases.py (which generates the
big ones at test time): an anchor that holds itself, a tag zoo, text saved by Notepad
as "Unicode" (UTF-16), GBK and Shift-JIS bytes, a terminal escape written as a YAML
escape, and a right-to-left override hidden in a name.
"""

from pathlib import Path

from hostile_cases import SCAM

HERE = Path(__file__).parent / "files"

FILES: dict[str, bytes] = {
    "anchor_holds_itself_list.yaml": b"kind: &a [*a]\n",
    "anchor_holds_itself_map.yaml": b"kind: &a {x: *a}\n",
    "anchor_holds_itself_deep.yaml": b"kind: scam_type\nid: &a [[[{x: [*a]}]]]\n",
    "tag_zoo.yaml": SCAM.replace("name: 冒充公检法", "name: !!binary 5YaS5YWF").replace(
        "techniques: [authority, fear, secrecy]", "techniques: !!set {authority, fear}").replace(
        "right_action:", "right_action: !!python/object/apply:os.system [echo]\nx:").encode("utf-8"),
    "utf16_notepad.yaml": SCAM.encode("utf-16"),          # what Notepad's "Unicode" writes: BOM + UTF-16 LE
    "gbk.yaml": SCAM.encode("gbk"),
    "shift_jis.yaml": "kind: scam_type\nid: sjis\nname: 詐欺です\n".encode("shift_jis"),
    "escape_sequence_in_quotes.yaml": SCAM.replace("name: 冒充公检法", 'name: "\\e[2J\\e]0;pwned\\a冒充公检法"').encode(),
    "bidi_override.yaml": SCAM.replace("name: 冒充公检法", "name: 冒充\u202e法检公").encode("utf-8"),
}

if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(FILES)} files to {HERE}")
