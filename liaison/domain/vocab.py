"""Controlled vocabularies of the liaison work (stored codes → Chinese labels)."""

from __future__ import annotations

INDUSTRIES: dict[str, str] = {
    "A": "农、林、牧、渔业",
    "B": "采矿业",
    "C": "制造业",
    "D": "电力、热力、燃气及水生产和供应业",
    "E": "建筑业",
    "F": "批发和零售业",
    "G": "交通运输、仓储和邮政业",
    "H": "住宿和餐饮业",
    "I": "信息传输、软件和信息技术服务业",
    "J": "金融业",
    "K": "房地产业",
    "L": "租赁和商务服务业",
    "M": "科学研究和技术服务业",
    "N": "水利、环境和公共设施管理业",
    "O": "居民服务、修理和其他服务业",
    "P": "教育",
    "Q": "卫生和社会工作",
    "R": "文化、体育和娱乐业",
    "S": "公共管理、社会保障和社会组织",
    "T": "国际组织",
}
"""GB/T 4754-2017 门类."""

SCALES: dict[str, str] = {
    "above_designated": "规上",
    "above_quota": "限上",
    "below_designated": "规下",
    "micro": "小微",
    "individual": "个体",
}

TAGS: tuple[str, ...] = ("高新技术企业", "科技型企业", "专精特新", "小巨人", "民营500强", "上市")

VISIT_MODES: dict[str, str] = {
    "onsite": "实地走访",
    "phone": "电话走访",
    "video": "视频连线",
    "meeting": "座谈会",
}

DEMAND_KINDS: dict[str, str] = {
    "demand": "诉求",
    "blocker": "堵点",
    "bottleneck": "卡点",
    "suggestion": "意见建议",
}

URGENCIES: dict[str, str] = {"normal": "一般", "urgent": "紧急", "critical": "特急"}
