namespace GridCare.Features.Demo;

/// <summary>
/// Word lists for plausible demo data in 毕节 (Bijie, Guizhou): surnames weighted roughly as in the province
/// (including the Miao and Yi surnames common there), real county and town names, and street and business words.
/// </summary>
internal static class DemoNames
{
    public static readonly (string Surname, int Weight)[] Surnames =
    [
        ("王", 60), ("李", 58), ("张", 50), ("陈", 45), ("杨", 44), ("刘", 40), ("罗", 30), ("吴", 28), ("赵", 22),
        ("黄", 22), ("周", 20), ("龙", 18), ("徐", 15), ("孙", 12), ("胡", 14), ("朱", 12), ("高", 11), ("林", 9),
        ("何", 12), ("郭", 9), ("马", 10), ("田", 10), ("韦", 9), ("熊", 9), ("谢", 8), ("宋", 7), ("唐", 8),
        ("邓", 8), ("许", 6), ("冯", 6), ("曾", 7), ("彭", 7), ("肖", 6), ("蔡", 5), ("潘", 7), ("袁", 6), ("蒋", 5),
        ("余", 6), ("杜", 5), ("苏", 5), ("魏", 5), ("安", 8), ("禄", 4), ("陆", 5), ("卢", 5), ("顾", 3), ("沈", 3),
        ("姚", 4), ("雷", 5), ("石", 6), ("文", 5), ("邹", 4), ("史", 4), ("秦", 3), ("贺", 3), ("穆", 3), ("滕", 3),
    ];

    public const string GivenNameCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文辉德林海波飞龙凤琴云"
        + "春燕亮斌鹏宇浩然欣怡子涵梓轩雨萱诗琪俊杰家豪晓东永福发贵昌顺荣富兴旺光远成学忠正义";

    public static readonly string[] Counties =
    [
        "大方县", "七星关区", "黔西市", "金沙县", "织金县", "纳雍县", "威宁彝族回族苗族自治县", "赫章县", "百里杜鹃管理区", "金海湖新区",
    ];

    /// <summary>Pinyin initials of the counties, the prefix of their work order numbers (DF20261127-000123).</summary>
    public static readonly string[] CountyPrefixes = ["DF", "QXG", "QX", "JS", "ZJ", "NY", "WN", "HZ", "BLDJ", "JHH"];

    public static readonly string[] CountyShort = ["大方", "七星关", "黔西", "金沙", "织金", "纳雍", "威宁", "赫章", "百里杜鹃", "金海湖"];

    /// <summary>Five supply stations per county: the first serves the county town, the last the remotest hills.</summary>
    public static readonly string[][] Stations =
    [
        ["城关", "羊场", "猫场", "东关", "大山"],
        ["城区", "杨家湾", "燕子口", "清水铺", "阴底"],
        ["城区", "素朴", "金碧", "洪水", "新仁"],
        ["城关", "西洛", "沙土", "岩孔", "石场"],
        ["城关", "八步", "珠藏", "猫场", "鸡场"],
        ["雍熙", "张家湾", "阳长", "猪场", "昆寨"],
        ["草海", "迤那", "哲觉", "石门", "板底"],
        ["城关", "妈姑", "野马川", "可乐", "珠市"],
        ["普底", "金坡", "大水", "百纳", "鹏程"],
        ["双山", "岔河", "响水", "梨树", "竹园"],
    ];

    public static readonly string[] Streets = ["顺德路", "慕俄格大道", "红旗路", "北门街", "南门街", "东关路", "建设路", "人民路", "奢香大道", "和平路", "中山路", "新华路"];

    public static readonly string[] Villages =
    [
        "红星", "新寨", "大坪", "箐口", "石桥", "河坝", "坪地", "高山", "团结", "中寨", "上寨", "下坝", "龙井", "松林", "白岩",
        "双河", "青杠", "水井", "光明", "向阳", "营盘", "沙坝", "黄泥", "小河", "大湾", "长冲", "田坝", "岩脚", "新华", "凉风",
    ];

    public static readonly string[] Shops = ["便利店", "超市", "餐馆", "农家乐", "药店", "五金店", "理发店", "茶馆", "汽修厂", "建材店", "宾馆", "粮油店"];

    public static readonly string[] Factories = ["煤矿机械厂", "水泥有限公司", "漆器工艺厂", "食品加工厂", "砖厂", "竹木制品厂", "矿业有限公司", "建材有限公司"];

    /// <summary>重要客户: those that must be told of any outage first.</summary>
    public static readonly string[] ImportantSites = ["人民医院", "中医医院", "自来水厂", "第一中学", "人民政府", "汽车客运站", "加油站", "通信基站", "污水处理厂", "消防救援大队"];

    public static readonly string[] AgriculturalUses = ["提灌站", "养殖场", "茶叶基地", "蔬菜大棚", "烤烟房", "食用菌基地"];

    public static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159",
        "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
    ];
}
