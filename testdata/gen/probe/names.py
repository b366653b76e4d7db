"""Invented unit names for the probe cases."""

DEPTS = ["发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安分局", "民政局", "司法局", "财政局",
         "人力资源和社会保障局", "自然资源局", "生态环境分局", "住房和城乡建设局", "城市管理局", "交通运输局",
         "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康局", "退役军人事务局", "应急管理局",
         "市场监督管理局", "医疗保障局", "数据资源局", "林业局", "信访局", "税务局", "统计局", "审计局",
         "体育局", "粮食和物资储备局", "国防动员办公室"]

UTILITIES = ["供电公司", "自来水公司", "燃气公司", "移动公司", "联通公司", "电信公司", "邮政公司", "公交公司",
             "热力公司", "不动产登记中心", "住房公积金管理中心", "广电网络公司"]

TOWN_HEADS = ["桂", "石", "清", "梅", "白", "金", "龙", "青", "凤", "杨", "柳", "槐", "松", "竹", "兰", "荷",
              "枫", "桃", "杏", "云", "霞", "泉", "溪", "湖", "岭", "坪", "塘", "湾", "岗", "坝", "川", "河"]
TOWN_TAILS = ["花", "门", "溪", "岭", "沙", "桥", "泉", "山", "田", "林", "口", "坪", "峰", "川", "亭", "湾",
              "塘", "堡", "庄", "集", "渡", "园", "台", "阳"]


def towns(rnd, n, suffixes=("镇", "镇", "镇", "乡", "街道")):
    seen, out = set(), []
    while len(out) < n:
        name = rnd.choice(TOWN_HEADS) + rnd.choice(TOWN_TAILS)
        if name in seen or name[0] == name[1]:
            continue
        seen.add(name)
        out.append(name + rnd.choice(suffixes))
    return out


def villages(rnd, n, avoid=()):
    seen, out = set(avoid), []
    while len(out) < n:
        name = rnd.choice(TOWN_HEADS) + rnd.choice(TOWN_TAILS)
        if name in seen or name[0] == name[1]:
            continue
        seen.add(name)
        out.append(name + rnd.choice(["村", "村", "村", "社区"]))
    return out


def depts(rnd, n, prefix, utilities=0):
    ds = rnd.sample(DEPTS, n - utilities)
    us = rnd.sample(UTILITIES, utilities)
    return [prefix + d for d in ds] + [prefix + u if u.endswith("中心") else u for u in us]
