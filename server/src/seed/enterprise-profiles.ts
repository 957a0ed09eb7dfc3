// Word pools and sector profiles for generated enterprises: the mix of a manufacturing district such
// as 龙岗区 (machinery, electronics, plastics and trade dominate), with GB/T 4754-2017 division codes.
import type { HazardTag, Sector } from '@anjian/contracts';

export interface SectorProfile {
  sector: Sector;
  /** Relative share of registered units. */
  weight: number;
  /** [GB/T 4754-2017 division, the trade word used in the name]. */
  trades: [string, string][];
  /** Probability of each special-hazard tag. */
  tags: [HazardTag, number][];
  /** Median head count (log-normal spread around it). */
  medianEmployees: number;
  /** Extra chance of being a 重点企业 on top of the base rate. */
  keyBoost: number;
  manufacturing: boolean;
}

export const SECTOR_PROFILES: SectorProfile[] = [
  {
    sector: 'machinery',
    weight: 22,
    trades: [
      ['C33', '五金制品'],
      ['C33', '金属制品'],
      ['C34', '精密机械'],
      ['C34', '机械设备'],
      ['C35', '自动化设备'],
      ['C38', '电气'],
      ['C38', '电器'],
      ['C39', '电子科技'],
      ['C39', '电子'],
      ['C39', '智能科技'],
    ],
    tags: [
      ['special_equipment', 0.4],
      ['chemical_use', 0.15],
      ['combustible_dust', 0.12],
      ['confined_space', 0.08],
      ['lithium_battery', 0.06],
    ],
    medianEmployees: 40,
    keyBoost: 0.02,
    manufacturing: true,
  },
  {
    sector: 'light_industry',
    weight: 18,
    trades: [
      ['C29', '塑胶制品'],
      ['C29', '橡胶制品'],
      ['C23', '印刷'],
      ['C21', '家具'],
      ['C22', '纸品包装'],
      ['C24', '工艺礼品'],
      ['C19', '鞋业'],
      ['C24', '文具'],
    ],
    tags: [
      ['special_equipment', 0.25],
      ['chemical_use', 0.2],
      ['combustible_dust', 0.1],
      ['confined_space', 0.05],
    ],
    medianEmployees: 35,
    keyBoost: 0.01,
    manufacturing: true,
  },
  {
    sector: 'textile',
    weight: 4,
    trades: [
      ['C17', '纺织'],
      ['C18', '服装'],
      ['C18', '服饰'],
    ],
    tags: [
      ['special_equipment', 0.2],
      ['combustible_dust', 0.05],
    ],
    medianEmployees: 45,
    keyBoost: 0,
    manufacturing: true,
  },
  {
    sector: 'building_materials',
    weight: 3,
    trades: [
      ['C30', '建材'],
      ['C30', '玻璃制品'],
      ['C30', '混凝土'],
    ],
    tags: [
      ['special_equipment', 0.4],
      ['confined_space', 0.15],
      ['combustible_dust', 0.05],
    ],
    medianEmployees: 30,
    keyBoost: 0.04,
    manufacturing: true,
  },
  {
    sector: 'metallurgy',
    weight: 1,
    trades: [
      ['C31', '钢材'],
      ['C31', '特钢'],
    ],
    tags: [
      ['special_equipment', 0.6],
      ['metal_smelting', 0.5],
      ['metallurgical_gas', 0.3],
    ],
    medianEmployees: 60,
    keyBoost: 0.35,
    manufacturing: true,
  },
  {
    sector: 'nonferrous',
    weight: 2,
    trades: [
      ['C32', '铝业'],
      ['C32', '铜材'],
      ['C32', '有色金属'],
    ],
    tags: [
      ['special_equipment', 0.5],
      ['metal_smelting', 0.3],
      ['combustible_dust', 0.25],
    ],
    medianEmployees: 50,
    keyBoost: 0.2,
    manufacturing: true,
  },
  {
    sector: 'hazardous_chemicals',
    weight: 3,
    trades: [
      ['F51', '化工贸易'],
      ['C26', '涂料'],
      ['C26', '化工'],
      ['F52', '石油'],
    ],
    tags: [
      ['chemical_use', 0.9],
      ['special_equipment', 0.5],
      ['confined_space', 0.2],
    ],
    medianEmployees: 25,
    keyBoost: 0.3,
    manufacturing: false,
  },
  {
    sector: 'commerce',
    weight: 24,
    trades: [
      ['F51', '贸易'],
      ['F51', '商贸'],
      ['F52', '百货'],
      ['F52', '超市'],
      ['H62', '餐饮管理'],
      ['H61', '酒店管理'],
      ['G59', '冷链仓储'],
    ],
    tags: [
      ['special_equipment', 0.15],
      ['confined_space', 0.04],
      ['ammonia_refrigeration', 0.03],
    ],
    medianEmployees: 10,
    keyBoost: 0,
    manufacturing: false,
  },
  {
    sector: 'construction',
    weight: 7,
    trades: [
      ['E47', '建筑工程'],
      ['E48', '市政工程'],
      ['E49', '机电安装'],
      ['E50', '装饰工程'],
    ],
    tags: [
      ['special_equipment', 0.5],
      ['confined_space', 0.2],
    ],
    medianEmployees: 30,
    keyBoost: 0.03,
    manufacturing: false,
  },
  {
    sector: 'transport',
    weight: 6,
    trades: [
      ['G54', '物流'],
      ['G54', '运输'],
      ['G58', '供应链管理'],
    ],
    tags: [
      ['special_equipment', 0.3],
      ['lithium_battery', 0.05],
    ],
    medianEmployees: 20,
    keyBoost: 0.02,
    manufacturing: false,
  },
  {
    sector: 'tobacco',
    weight: 0.2,
    trades: [['C16', '烟草']],
    tags: [['special_equipment', 0.5]],
    medianEmployees: 80,
    keyBoost: 0.2,
    manufacturing: true,
  },
  { sector: 'fireworks', weight: 0.1, trades: [['F52', '烟花爆竹']], tags: [], medianEmployees: 3, keyBoost: 0.5, manufacturing: false },
  {
    sector: 'non_coal_mining',
    weight: 0.2,
    trades: [['B10', '石材']],
    tags: [['special_equipment', 0.6]],
    medianEmployees: 25,
    keyBoost: 0.4,
    manufacturing: false,
  },
  {
    sector: 'other',
    weight: 6,
    trades: [
      ['O81', '汽车维修'],
      ['L72', '物业管理'],
      ['N78', '环境卫生'],
      ['R88', '文化传播'],
    ],
    tags: [
      ['confined_space', 0.05],
      ['special_equipment', 0.1],
    ],
    medianEmployees: 12,
    keyBoost: 0,
    manufacturing: false,
  },
];

/** Characters that make up 字号 (trade names), the way Shenzhen firms pick them. */
export const TRADE_NAME_CHARS =
  '宏达兴盛鑫华丰泰信诚恒利源隆昌福瑞祥新科创德佳美嘉富永金宝明天海东南中远腾飞博越安康通顺和合裕凯旺辉光耀润晟森林峰联群立志俊豪精力威鹏龙星阳春荣发友亿万骏锦鼎诺航宇晶铭泓澳';

/** 个体工商户 shop words, by sector; anything else uses 商行. */
export const SHOP_WORDS: Partial<Record<Sector, string[]>> = {
  commerce: ['便利店', '五金店', '餐厅', '小吃店', '商行', '水果店', '建材店'],
  other: ['汽车维修店', '洗车店', '理发店'],
  machinery: ['五金加工厂', '机械加工店'],
  light_industry: ['印刷店', '家具店'],
};

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金廖贾夏付方邹熊邱江薛黎';
export const GIVEN_CHARS = '伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超霞平刚桂华建文辉玲志红飞宇鹏斌凯浩俊峰婷雪琳欣晨';
export const ROADS = [
  '龙岗大道',
  '深惠路',
  '黄阁路',
  '龙翔大道',
  '宝荷路',
  '宝龙大道',
  '爱南路',
  '布龙路',
  '吉华路',
  '丹竹头路',
  '横坪公路',
  '清林路',
  '盐龙大道',
  '西湖路',
  '沙荷路',
  '环城路',
  '碧新路',
  '中兴路',
  '南湾路',
  '布澜路',
  '坂雪岗大道',
  '五和大道',
  '李朗大道',
  '工业一路',
  '工业二路',
  '科技路',
];
