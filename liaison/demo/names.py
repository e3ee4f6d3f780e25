"""Believable Chinese names, codes, phones and addresses for the demo district (江北区).

Pure functions of a `random.Random`: the same seed gives the same district. Nothing here is a
real company; 字号 are random pairs from a pool of characters that Chongqing firms like.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate

from liaison.domain.uscc import ALPHABET, make_uscc

__all__ = [
    "INDUSTRY",
    "JIANGBEI_CODE",
    "Picker",
    "address",
    "company_name",
    "landline",
    "mobile",
    "person_name",
    "shop_name",
    "uscc_for",
    "weighted",
]


JIANGBEI_CODE = "500105"
"""Administrative division code of 重庆市江北区 (positions 3–8 of a local USCC)."""


class Picker:
    """Weighted choice with precomputed cumulative weights (fast in a hot loop)."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, items: Sequence[tuple[str, float]]) -> None:
        self._items = [k for k, _ in items]
        self._cum = list(accumulate(w for _, w in items))
        self._total = self._cum[-1]

    def __call__(self, rng: random.Random) -> str:
        return self._items[bisect(self._cum, rng.random() * self._total)]


def weighted(text: str) -> list[tuple[str, float]]:
    """ "王7.1 李7" → [("王", 7.1), ("李", 7.0)]: each word followed by its weight."""
    out = []
    for item in text.split():
        cut = len(item.rstrip("0123456789."))
        out.append((item[:cut], float(item[cut:])))
    return out


def _words(text: str) -> list[str]:
    return text.split()


def _one[T](rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]


# --- people ----------------------------------------------------------------------------

_SURNAMES = Picker(
    weighted(
        "王7.1 李7 张6.8 刘5.4 陈4.5 杨3.6 黄2.3 赵2.3 吴2.1 周2 徐1.6 孙1.5 马1.4 朱1.3 胡1.3 "
        "郭1.2 何1.2 罗1.3 高1.1 林1 郑0.9 梁0.8 谢0.8 唐0.9 宋0.7 许0.6 韩0.6 邓0.7 冯0.6 "
        "曹0.5 彭0.6 曾0.6 肖0.6 田0.5 董0.5 袁0.5 潘0.4 蒋0.5 蔡0.4 余0.5 杜0.4 叶0.4 程0.4 "
        "魏0.4 吕0.3 丁0.3 任0.4 沈0.3 姚0.3 卢0.3 谭0.6 向0.5 冉0.4 秦0.3 熊0.3 廖0.4 邱0.3 "
        "汪0.3 江0.3 傅0.2 雷0.3 龙0.3 牟0.2 陶0.2 贺0.2 文0.2 苟0.1 况0.1 蒲0.1 付0.3 钟0.3 "
        "严0.2"
    )
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华建文玉兰红志国辉林鹏飞宇浩凯俊峰婷雪琳晨"
    "阳欣怡佳梅波斌宏春东海亮丹萍燕蓉川渝庆松柏诗雨思涵子轩梓萱家豪晓莉小倩云帆德先永福"
)


def person_name(rng: random.Random) -> str:
    surname = _SURNAMES(rng)
    if rng.random() < 0.72:
        return surname + _one(rng, _GIVEN) + _one(rng, _GIVEN)
    return surname + _one(rng, _GIVEN)


_MOBILE_PREFIXES = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199"
)


def mobile(rng: random.Random) -> str:
    return _one(rng, _MOBILE_PREFIXES) + f"{int(rng.random() * 100_000_000):08d}"


def landline(rng: random.Random) -> str:
    """A Chongqing (023) fixed line; 江北区 numbers mostly begin with 67/68/86/88."""
    head = _one(rng, ("67", "68", "86", "88", "63", "89"))
    return f"023-{head}{int(rng.random() * 1_000_000):06d}"


# --- companies -------------------------------------------------------------------------

_BRAND_CHARS = (
    "嘉陵渝巴山城江华盛鑫源泰丰恒达宏远博瑞隆新兴汇创联众诚信和康安通顺德美佳宇天龙凯金"
    "鼎峰锦程启明智慧星辰光辉腾飞旭东南云海森蓝禾益万千百聚合融鸿运昌荣弘扬朗润祥福中"
    "正航科锐思睿拓展优品尚雅卓越精诚永沁翔豪宸晟煜灏铭欣悦润泽雄伟驰骋朝晖渝川黔湘"
)
_BRAND_WORDS = _words(
    "嘉陵 山城 巴渝 两江 朝天 长江 渝江 鸿运 华盛 瑞丰 金鼎 宏远 恒达 众诚 博睿 锦程 启航 "
    "智联 星辰 云帆 和润 汇通 聚鑫 顺达 佳禾 鼎盛 天宇 腾飞 新源 泰和 北城 江城 雾都 鹅岭 "
    "渝州 德润 永辉 信达 安泰 康华 明远 卓越 思源 同创"
)

_LINES: dict[str, list[str]] = {
    letter: words.split()
    for letter, words in {
        "C": "机械 机械制造 精密机械 汽车零部件 摩托车配件 电子 电子科技 新材料 食品 包装 模具 "
        "印务 塑胶制品 五金制品 服饰 家具 智能装备 电气设备 环保设备 建材 仪器仪表 生物医药 "
        "火锅底料",
        "D": "能源 新能源 燃气 电力工程",
        "E": "建筑工程 建设工程 装饰工程 市政工程 机电安装工程 园林建设 钢结构工程 消防工程 "
        "劳务 建筑劳务",
        "F": "商贸 贸易 供应链管理 电器 建材销售 医药 汽车销售 酒业 农产品 进出口 百货 "
        "电子商务 茶业 服装",
        "G": "物流 运输 货运代理 仓储 快递服务 汽车租赁",
        "H": "餐饮管理 酒店管理 餐饮文化 火锅 餐饮服务",
        "I": "信息技术 网络科技 软件 数字科技 智能科技 大数据 通信技术 云计算 物联网科技",
        "J": "融资担保 小额贷款 商业保理 投资管理",
        "K": "房地产开发 物业管理 置业 房地产经纪",
        "L": "企业管理咨询 商务信息咨询 广告 人力资源 会展服务 企业管理 法律咨询 "
        "知识产权代理 营销策划",
        "M": "科技 检测技术 工程设计 环保科技 生物科技 工程咨询 技术服务 测绘 新能源科技",
        "N": "园林绿化 环境工程 水务 环境治理",
        "O": "家政服务 汽车维修 保洁服务 摄影",
        "P": "教育科技 职业技能培训 文化艺术培训",
        "Q": "医疗管理 健康管理 口腔门诊 养老服务",
        "R": "文化传媒 文化传播 体育文化 影视文化 文化旅游",
    }.items()
}
"""Business lines (行业词) by GB/T 4754 门类."""

INDUSTRY = Picker(
    weighted("C16 F22 I9 L12 M9 E10 G4 H5 K3 R3 O2 N1.5 P1 Q1 J0.8 D0.7"),
)
_SUFFIX = Picker(weighted("有限公司72 有限责任公司20 股份有限公司8"))
_PREFIX = Picker(weighted("重庆70 重庆市14 重庆江北9 重庆市江北区4 重庆两江3"))

INDIVIDUAL_INDUSTRY: dict[str, str] = {
    shop: letter
    for shop, letter in (
        item.split(":")
        for item in _words(
            "便利店:F 五金店:F 火锅店:H 小面馆:H 理发店:O 水果店:F 汽车修理部:O 烟酒店:F "
            "大药房:F 干洗店:O 茶馆:H 超市:F 烧烤店:H 副食店:F 服装店:F 家电维修部:O 文具店:F "
            "花店:F 豆花饭庄:H 串串香:H 日用品经营部:F 建材经营部:F 餐馆:H 面包坊:H"
        )
    )
}
"""Shop types of 个体工商户 and their industry letter."""
_SHOPS = list(INDIVIDUAL_INDUSTRY)


def _brand(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return _one(rng, _BRAND_WORDS)
    a = _one(rng, _BRAND_CHARS)
    b = _one(rng, _BRAND_CHARS)
    while b == a:
        b = _one(rng, _BRAND_CHARS)
    return a + b


def company_name(rng: random.Random, industry: str) -> str:
    """重庆 + 字号 + 行业词 + 有限公司 / 有限责任公司 / 股份有限公司 (a few 江北分公司)."""
    line = _one(rng, _LINES[industry])
    name = f"{_PREFIX(rng)}{_brand(rng)}{line}{_SUFFIX(rng)}"
    if rng.random() < 0.02:
        name += "江北分公司"
    return name


def shop_name(rng: random.Random, owner: str) -> tuple[str, str]:
    """(name, industry letter) of an individual business (个体工商户)."""
    shop = _one(rng, _SHOPS)
    r = rng.random()
    if r < 0.55:
        head = f"江北区{_brand(rng)}"
    elif r < 0.8:
        head = f"重庆市江北区{owner}"
    else:
        head = f"江北区{_brand(rng)}{owner[0]}记"
    return head + shop, INDIVIDUAL_INDUSTRY[shop]


# --- codes -------------------------------------------------------------------------------

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_UPPER = ALPHABET[10:]


def _old_org_code(rng: random.Random) -> str:
    """A pre-2015 organisation code: 8 digits and its GB 11714 check character."""
    digits = f"{int(rng.random() * 100_000_000):08d}"
    c = 11 - sum(int(d) * w for d, w in zip(digits, _ORG_WEIGHTS, strict=True)) % 11
    return digits + ("X" if c == 10 else "0" if c == 11 else str(c))


def _new_org_code(rng: random.Random) -> str:
    """A post-2015 code segment as issued in Chongqing: "MA", a letter, six characters."""
    return "MA" + _one(rng, _UPPER) + "".join(_one(rng, ALPHABET) for _ in range(6))


def uscc_for(rng: random.Random, *, individual: bool, established_year: int) -> str:
    """91 (enterprise) or 92 (个体工商户) + 500105 + organisation code + check character."""
    head = "92" if individual else "91"
    org = _new_org_code(rng) if established_year >= 2016 else _old_org_code(rng)
    return make_uscc(head + JIANGBEI_CODE + org)


# --- addresses -----------------------------------------------------------------------------

ROADS: dict[str, list[str]] = {
    street: roads.split()
    for street, roads in {
        "观音桥街道": "建新北路 建新南路 建新东路 建新西路 洋河路 北城天街 嘉陵一村 金源路",
        "华新街街道": "华新街 北滨一路 红旗河沟路 新村路 华新村",
        "五里店街道": "五里店路 渝鲁大道 港安路 五简路 建新东路",
        "江北城街道": "江北城西大街 江北城中央大街 庆云路 聚贤岩广场 东环路",
        "石马河街道": "石马河路 盘溪路 红石路 石子山路 大庆村",
        "大石坝街道": "大石坝路 石门路 东原路 九村 建新北路",
        "寸滩街道": "寸滩路 港城路 海尔路 港城东路 保税港区路",
        "铁山坪街道": "铁山坪路 花园路 龙凤溪路",
        "郭家沱街道": "郭家沱路 望江路 郭家沱正街",
        "鱼嘴镇": "鱼嘴大道 两江大道 东风路 复兴路",
        "复盛镇": "复盛正街 复盛大道 玉峰山路",
        "五宝镇": "五宝正街 五宝路 南方路",
    }.items()
}
"""Roads by street, for addresses (a few real road names of 江北区)."""


def address(rng: random.Random, street: str) -> str:
    road = _one(rng, ROADS.get(street) or ["兴旺路"])
    no = 1 + int(rng.random() * _one(rng, (40, 120, 300)))
    r = rng.random()
    if r < 0.25:
        building, floor = 1 + int(rng.random() * 12), 1 + int(rng.random() * 30)
        tail = f"{building}栋{floor}-{1 + int(rng.random() * 12)}"
    elif r < 0.35:
        tail = f"附{1 + int(rng.random() * 9)}号"
    else:
        tail = ""
    return f"重庆市江北区{street}{road}{no}号{tail}"
