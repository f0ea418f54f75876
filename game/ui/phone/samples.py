"""Sample nodes for every channel: used by the phone gallery, screenshots and tests."""

from __future__ import annotations

from game.content.models import Channel, Choice, Contact, Ladder, Line, Node, Outcome, Speaker


def _choice(text: str, outcome: Outcome = Outcome.SAFE, to: str = "end") -> Choice:
    return Choice(text=text, to=to, outcome=outcome, money=0, ladder=Ladder.IGNORED, techniques=(), feedback="")


def sample_nodes() -> dict[str, Node]:
    them, me, system = Speaker.THEM, Speaker.ME, Speaker.SYSTEM
    return {
        "phone_call_ringing": Node(
            id="ring", channel=Channel.PHONE_CALL,
            contact=Contact("未知号码", "+852 6012 3344", "归属地：未知", None),
            lines=(), choices=(_choice("接听"), _choice("挂断", Outcome.SAFE)), ending=None),
        "phone_call": Node(
            id="call", channel=Channel.PHONE_CALL,
            contact=Contact("“快递理赔专员”", "+852 6012 3344", "", None),
            lines=(Line(them, "您好，我是平顺快递理赔专员，您上周的包裹在运输中丢失了。"),
                   Line(me, "啊？那怎么办？"),
                   Line(them, "别担心，我们按三倍赔偿。请您下载“云会议”App，我教您操作领取。")),
            choices=(_choice("挂断，去购物App里查订单"),), ending=None),
        "sms": Node(
            id="sms", channel=Channel.SMS,
            contact=Contact("", "1069 0071 2288", "", None),
            lines=(Line(them, "【高速ETC】尊敬的车主，您的ETC认证已失效，将影响正常通行，请于今日内登录以下链接重新认证："),),
            choices=(), ending=None, link="http://etc-renz.cc/x9"),
        "chat": Node(
            id="chat", channel=Channel.CHAT,
            contact=Contact("张总（新号）", "", "", None),
            lines=(Line(them, "小刘，我换了新微聊号，旧号别联系了。"),
                   Line(me, "好的张总，有什么事吗？"),
                   Line(them, "我在开会不方便接电话。合作方急需一笔保证金，你先转过去，回头我签字报销。"),
                   Line(them, "转账")),
            choices=(), ending=None, amount=50000, payee="深圳市鸿达贸易有限公司"),
        "video_call": Node(
            id="video", channel=Channel.VIDEO_CALL,
            contact=Contact("孙子 小明", "", "", None),
            lines=(Line(them, "奶奶，是我呀！我在外地出了点事，急需用钱……"),
                   Line(system, "画面有点卡")),
            choices=(), ending=None, tells=("blur_edges", "glitch_on_turn", "glitch_on_wave", "lip_sync", "no_blink", "bad_signal")),
        "screen_share": Node(
            id="share", channel=Channel.SCREEN_SHARE,
            contact=Contact("客服 小李", "", "", None),
            lines=(Line(them, "您点一下“立即开始”，我帮您操作退款就行。"),),
            choices=(), ending=None, app="云会议"),
        "payment": Node(
            id="pay", channel=Channel.PAYMENT,
            contact=Contact("“王警官”", "", "", None),
            lines=(Line(them, "把钱转到安全账户，核查完马上退回给你。"),),
            choices=(), ending=None, app="手机银行 · 转账", payee="国家资金清查中心", amount=150000),
        "in_person": Node(
            id="lecture", channel=Channel.IN_PERSON,
            contact=Contact("“健康专家”刘教授", "", "", None),
            lines=(Line(them, "这款磁疗床垫能治高血压、糖尿病，今天下单只要九千八！"),
                   Line(me, "这么神奇？")),
            choices=(), ending=None),
    }
