"""The phone page: one self-contained HTML file, inline CSS and JavaScript, nothing fetched but JSON.

Written for the browsers students actually have: the WeChat in-app browser and old Android
WebViews. So the script is ES5 (``var``, ``function``, ``XMLHttpRequest``; no ``fetch``,
promises, arrow functions or template strings), it long-polls ``/api/state`` instead of using
WebSockets or server-sent events, and every button is at least 64 px high on a 360 px wide
screen. Text set by the game (the prompt and options) only ever reaches the page through
``textContent``, never as HTML. Labels are in the game's locale (Chinese is the source).

The page's flow: no device cookie → the room code form (filled and sent by itself when the
QR code's URL carries ``?c=1234``) → "waiting for the teacher" → the question with one big
button per option → "you chose B" → back to waiting when the teacher closes the question.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape

from ..i18n.marker import N_
from ..i18n.catalogs import get_translator

HTML_LANG = {"zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant", "en": "en"}

LABELS = {
    "title": N_("课堂投票"),
    "join_heading": N_("请输入大屏幕上的 4 位房间号"),
    "join_button": N_("加入"),
    "need_digits": N_("请输入 4 位数字"),
    "wrong_code": N_("房间号不对，请看大屏幕再输一次"),
    "too_many": N_("尝试太多次，请 {s} 秒后再试"),
    "room_full": N_("这个房间已满"),
    "joining": N_("正在加入…"),
    "waiting": N_("已加入，请等老师出题"),
    "choose": N_("请选择一项："),
    "time_left": N_("还剩 {s} 秒"),
    "sending": N_("正在提交…"),
    "you_chose": N_("你选了 {letter}，请看大屏幕"),
    "closed": N_("本题投票已结束"),
    "reconnecting": N_("连接中断，正在重连…"),
    "no_cookie": N_("这个浏览器不能保存登录信息，无法投票。请关闭无痕模式或换一个浏览器。"),
    "ended": N_("本节课的投票已结束，谢谢参与！"),
    "privacy": N_("匿名投票：不记录姓名、手机号或位置。"),
}

CSS = """
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:#f6f2ec;color:#28211c;
font-family:'PingFang SC','Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','Droid Sans Fallback',sans-serif;
-webkit-text-size-adjust:100%;text-size-adjust:100%}
main{max-width:560px;margin:0 auto;padding:14px 12px 32px}
h1{font-size:24px;color:#aa281e;margin:4px 0 12px}
.box{background:#fff;border-radius:12px;padding:14px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.big{font-size:22px;line-height:1.45;margin:0 0 12px}
.prompt{font-size:20px;line-height:1.5;margin:0 0 12px;white-space:pre-wrap;word-wrap:break-word}
.muted{color:#5c524a;font-size:16px;margin:0}
input{display:block;width:100%;font-size:40px;letter-spacing:12px;text-align:center;padding:10px;
border:3px solid #a89a8c;border-radius:10px;margin:0 0 12px;background:#fff;color:#28211c}
input:focus{border-color:#aa281e;outline:none}
button{display:block;width:100%;min-height:64px;font-size:22px;border:0;border-radius:12px;
margin:0 0 12px;padding:12px 14px;color:#fff;background:#aa281e;-webkit-appearance:none}
button.opt{position:relative;background:#fff;color:#28211c;border:3px solid #a89a8c;text-align:left;
line-height:1.4;padding:14px 14px 14px 58px;word-wrap:break-word;white-space:normal}
button.opt b{position:absolute;left:16px;top:11px;font-size:28px;line-height:1.2;color:#aa281e}
button.opt.mine{border-color:#aa281e;background:#fbe9e6}
button[disabled]{opacity:.55}
button.opt.mine[disabled]{opacity:1}
.lab{display:block}
.msg{font-size:18px;color:#aa281e;min-height:26px;margin:0 0 8px}
.net{position:fixed;left:0;right:0;top:0;margin:0;padding:10px 16px;background:#aa281e;color:#fff;
font-size:18px;text-align:center}
.hide{display:none}
footer{font-size:14px;color:#5c524a;text-align:center;margin-top:18px}
"""

SCRIPT = r"""
(function () {
  var L = window.FZ_LABELS, el = function (id) { return document.getElementById(id); };
  var S = {v: -1, joined: false, triedUrlCode: false, joinedOnce: false, question: null,
           failures: 0, sending: false, ended: false, timer: null, deadline: 0};
  var urlCode = (/[?&]c=([0-9]{4})(?:&|$)/.exec(window.location.search) || [])[1] || '';

  function fill(s, key, value) { return s.split('{' + key + '}').join(String(value)); }
  function show(id) {
    var ids = ['join', 'wait', 'ask', 'ended'];
    for (var i = 0; i < ids.length; i++) { el(ids[i]).className = ids[i] === id ? 'box' : 'box hide'; }
  }
  function text(id, s) { el(id).textContent = s; }
  function banner(s) { text('netmsg', s); el('netmsg').className = s ? 'net' : 'net hide'; }

  function send(method, url, body, done) {
    var r = new XMLHttpRequest(), finished = false;
    r.open(method, url, true);
    try { r.timeout = 30000; } catch (e) {}
    r.onreadystatechange = function () {
      if (r.readyState !== 4 || finished) { return; }
      finished = true;
      var data = null;
      try { data = JSON.parse(r.responseText); } catch (e) {}
      done(r.status, data || {}, r);
    };
    if (body) { r.setRequestHeader('Content-Type', 'application/json'); }
    r.send(body ? JSON.stringify(body) : null);
  }
  function retryAfter(r) {
    var s = parseInt(r.getResponseHeader('Retry-After'), 10);
    return isNaN(s) || s < 1 ? 1 : s;
  }

  function poll() {
    if (S.ended) { return; }
    send('GET', '/api/state?v=' + S.v, null, function (status, data, r) {
      if (status === 200) {
        S.failures = 0; S.joined = true; banner('');
        if (data.stopped) { S.ended = true; show('ended'); return; }
        S.v = data.v; render(data.question); poll();
      } else if (status === 401) {
        S.joined = false;
        if (S.joinedOnce) { show('join'); text('joinmsg', L.no_cookie); return; }
        if (urlCode && !S.triedUrlCode) { S.triedUrlCode = true; join(urlCode); } else { show('join'); }
      } else if (status === 429) {
        setTimeout(poll, retryAfter(r) * 1000);
      } else { lost(poll); }
    });
  }
  function lost(again) {
    S.failures += 1;
    banner(L.reconnecting);
    setTimeout(again, Math.min(8000, 1000 * S.failures));
  }

  function join(code) {
    if (!/^[0-9]{4}$/.test(code)) { show('join'); text('joinmsg', L.need_digits); return; }
    text('joinmsg', L.joining);
    el('joinbtn').disabled = true;
    send('POST', '/api/join', {room: code}, function (status, data, r) {
      el('joinbtn').disabled = false;
      if (status === 200) { S.joinedOnce = true; text('joinmsg', ''); S.v = -1; poll(); return; }
      show('join');
      el('code').value = '';
      if (status === 403) { text('joinmsg', L.wrong_code); }
      else if (status === 429) { text('joinmsg', fill(L.too_many, 's', retryAfter(r))); }
      else if (status === 503) { text('joinmsg', L.room_full); }
      else if (status === 400) { text('joinmsg', L.need_digits); }
      else { text('joinmsg', L.reconnecting); }
    });
  }

  function render(q) {
    S.question = q;
    if (S.timer) { clearInterval(S.timer); S.timer = null; }
    if (!q) { show('wait'); return; }
    show('ask');
    text('prompt', q.prompt);
    el('prompt').className = q.prompt ? 'prompt' : 'prompt hide';
    var box = el('options');
    while (box.firstChild) { box.removeChild(box.firstChild); }
    for (var i = 0; i < q.options.length; i++) { box.appendChild(optionButton(q, q.options[i])); }
    if (q.seconds_left !== null) { S.deadline = new Date().getTime() + q.seconds_left * 1000; }
    showStatus(q);
    if (q.open && q.seconds_left !== null && !q.my_vote) {
      S.timer = setInterval(function () { showStatus(S.question); }, 1000);
    }
  }
  function optionButton(q, option) {
    var b = document.createElement('button'), letter = document.createElement('b');
    b.className = option.letter === q.my_vote ? 'opt mine' : 'opt';
    letter.textContent = option.letter;
    b.appendChild(letter);
    b.appendChild(document.createTextNode(' ' + option.text));
    b.disabled = !q.open || !!q.my_vote || S.sending;
    b.onclick = function () { vote(q, option.letter); };
    return b;
  }
  function showStatus(q) {
    var left = q.seconds_left === null ? null : Math.max(0, Math.ceil((S.deadline - new Date().getTime()) / 1000));
    if (q.my_vote) { text('askmsg', fill(L.you_chose, 'letter', q.my_vote)); }
    else if (!q.open || left === 0) {
      text('askmsg', L.closed); disableAll();
      if (S.timer) { clearInterval(S.timer); S.timer = null; }
    }
    else if (S.sending) { text('askmsg', L.sending); }
    else if (left !== null) { text('askmsg', L.choose + ' ' + fill(L.time_left, 's', left)); }
    else { text('askmsg', L.choose); }
  }
  function disableAll() {
    var buttons = el('options').getElementsByTagName('button');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
  }

  function vote(q, letter) {
    if (S.sending || q.my_vote || !q.open) { return; }
    S.sending = true; disableAll(); showStatus(q);
    send('POST', '/api/vote', {question: q.id, choice: letter}, function (code, data) {
      S.sending = false;
      if (S.question !== q) { return; }
      if (code === 200) { q.my_vote = data.choice; }
      else if (code === 409 && data.error === 'already_voted') { q.my_vote = data.choice; }
      else if (code === 409 || code === 404) { q.open = false; }
      else if (code === 401) { S.v = -1; poll(); return; }
      else if (code === 0) { banner(L.reconnecting); }
      render(q);
    });
  }

  el('joinform').onsubmit = function () { join(el('code').value.replace(/\s+/g, '')); return false; };
  if (urlCode) { el('code').value = urlCode; }
  poll();
})();
"""


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _script_json(data) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no HTML comment openers."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def labels(locale: str) -> dict[str, str]:
    if locale == "zh_Hans":
        return dict(LABELS)
    tr = get_translator(locale)
    return {key: tr(text) for key, text in LABELS.items()}


def build_page(locale: str = "zh_Hans") -> tuple[bytes, str]:
    """(the page as UTF-8 bytes, its Content-Security-Policy allowing exactly its own script and style)."""
    words = labels(locale)
    data_script = f"window.FZ_LABELS={_script_json(words)};"
    e = {k: escape(v) for k, v in words.items()}
    html = f"""<!DOCTYPE html>
<html lang="{HTML_LANG.get(locale, 'zh-Hans')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="format-detection" content="telephone=no">
<meta name="referrer" content="no-referrer">
<title>{e['title']}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<h1>{e['title']}</h1>
<p id="netmsg" class="net hide"></p>
<section id="join" class="box hide">
<form id="joinform" action="#" autocomplete="off">
<label for="code" class="big lab">{e['join_heading']}</label>
<input id="code" name="code" type="tel" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off">
<p id="joinmsg" class="msg"></p>
<button id="joinbtn" type="submit">{e['join_button']}</button>
</form>
</section>
<section id="wait" class="box hide"><p class="big">{e['waiting']}</p></section>
<section id="ask" class="box hide">
<p id="prompt" class="prompt"></p>
<p id="askmsg" class="msg"></p>
<div id="options"></div>
</section>
<section id="ended" class="box hide"><p class="big">{e['ended']}</p></section>
<footer>{e['privacy']}</footer>
</main>
<script>{data_script}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
    csp = ("default-src 'none'; "
           f"script-src {_sha256(data_script)} {_sha256(SCRIPT)}; style-src {_sha256(CSS)}; "
           "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return html.encode("utf-8"), csp
