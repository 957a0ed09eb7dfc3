// 应急管理部令第10号《工贸企业重大事故隐患判定标准》: adopted 2023-03-20, published 2023-04-14, effective 2023-05-15;
// 第十五条 repeals the 2017 list (安监总管四〔2017〕129号). Everything here is from docs/rules.md §3.2; item texts are
// copied from it character for character and each names the repost it came from. Do not add text from memory or
// from the 2017 list: import missing items from the official 公报 page (officialText) and flip textAvailable.
import type { HazardTag } from '@anjian/contracts';
import { itemLabel } from './citation';
import type { MajorHazardStandard, PlaceholderItem, StandardArticle, VerbatimItem } from './major-hazard-standard';

const id = 'MEM10-2023';

function verbatim(article: number, item: number, text: string, source: string, requiresTag?: HazardTag): VerbatimItem {
  const ref = { article, item };
  return {
    kind: 'item',
    ...ref,
    id: `${id}/${article}.${item}`,
    label: itemLabel(ref),
    textAvailable: true,
    text,
    source,
    ...(requiresTag ? { requiresTag } : {}),
  };
}

/** Consecutive verbatim items of one article from one source. */
function verbatimRun(article: number, firstItem: number, source: string, texts: readonly string[]): VerbatimItem[] {
  return texts.map((text, i) => verbatim(article, firstItem + i, text, source));
}

/** An item known to exist (numbered in a source or implied by a verified count) whose text was not retrieved. */
function missing(article: number, item: number, fragment?: string): PlaceholderItem {
  const ref = { article, item };
  return {
    kind: 'item',
    ...ref,
    id: `${id}/${article}.${item}`,
    label: itemLabel(ref),
    textAvailable: false,
    existenceVerified: true,
    ...(fragment ? { fragment } : {}),
  };
}

const articles: StandardArticle[] = [
  { number: 1, group: 'general', scope: { kind: 'none' }, appliesTo: { zh: '立法目的', en: 'Purpose' }, itemCount: null, itemsSeen: 0 },
  {
    number: 2,
    group: 'general',
    scope: { kind: 'none' },
    appliesTo: {
      zh: '适用范围：冶金、有色、建材、机械、轻工、纺织、烟草、商贸等工贸企业；危险化学品、消防（火灾）、燃气、特种设备等另有规定的，适用其规定',
      en: 'Scope: metallurgy, non-ferrous, building materials, machinery, light industry, textiles, tobacco, commerce and other industry-and-trade enterprises; where hazardous chemicals, fire, gas or special equipment have their own rules, those apply',
    },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 3,
    group: 'management',
    scope: { kind: 'all' },
    appliesTo: { zh: '工贸企业', en: 'All industry-and-trade enterprises' },
    itemCount: 3,
    itemsSeen: 3,
  },
  {
    number: 4,
    group: 'industry',
    scope: { kind: 'sector', sector: 'metallurgy' },
    appliesTo: { zh: '冶金企业', en: 'Metallurgy enterprises' },
    itemCount: null,
    itemsSeen: 5,
  },
  {
    number: 5,
    group: 'industry',
    scope: { kind: 'sector', sector: 'nonferrous' },
    appliesTo: { zh: '有色企业', en: 'Non-ferrous metal enterprises' },
    itemCount: 13,
    itemsSeen: 13,
  },
  {
    number: 6,
    group: 'industry',
    scope: { kind: 'sector', sector: 'building_materials' },
    appliesTo: { zh: '建材企业', en: 'Building-materials enterprises' },
    itemCount: 8,
    itemsSeen: 8,
  },
  {
    number: 7,
    group: 'industry',
    scope: { kind: 'sector', sector: 'machinery' },
    appliesTo: { zh: '机械企业', en: 'Machinery enterprises' },
    itemCount: null,
    itemsSeen: 3,
  },
  {
    number: 8,
    group: 'industry',
    scope: { kind: 'sector', sector: 'light_industry' },
    appliesTo: { zh: '轻工企业', en: 'Light-industry enterprises' },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 9,
    group: 'industry',
    scope: { kind: 'sector', sector: 'textile' },
    appliesTo: { zh: '纺织企业', en: 'Textile enterprises' },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 10,
    group: 'industry',
    scope: { kind: 'sector', sector: 'tobacco' },
    appliesTo: { zh: '烟草企业', en: 'Tobacco enterprises' },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 11,
    group: 'special',
    scope: { kind: 'tag', tag: 'combustible_dust' },
    appliesTo: { zh: '存在粉尘爆炸危险的工贸企业', en: 'Enterprises with a combustible-dust explosion hazard' },
    // Item (五) ends in 。 rather than ；, which in Chinese legal drafting marks the last item, so the count may be
    // 5; docs/rules.md still lists (六) onward as not retrieved, so the count stays unverified.
    itemCount: null,
    itemsSeen: 5,
  },
  {
    number: 12,
    group: 'special',
    scope: { kind: 'tag', tag: 'ammonia_refrigeration' },
    appliesTo: { zh: '使用液氨制冷的工贸企业', en: 'Enterprises using liquid-ammonia refrigeration' },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 13,
    group: 'special',
    scope: { kind: 'tag', tag: 'confined_space' },
    appliesTo: {
      zh: '存在硫化氢、一氧化碳等中毒风险的有限空间作业的工贸企业',
      en: 'Enterprises with confined-space work at risk of hydrogen-sulphide, carbon-monoxide or similar poisoning',
    },
    itemCount: null,
    itemsSeen: 0,
  },
  {
    number: 14,
    group: 'general',
    scope: { kind: 'none' },
    appliesTo: { zh: '兜底条款：安全设施失效或者无效', en: 'Catch-all: failed or ineffective safety devices' },
    itemCount: null,
    itemsSeen: 0,
    provision: {
      zh: '本标准所列情形中直接关系生产安全的监控、报警、防护等设施、设备、装置，应当保证正常运行、使用，失效或者无效均判定为重大事故隐患',
      en: 'Monitoring, alarm, protective and similar facilities, equipment and devices directly related to production safety in the situations listed in this standard must be kept in normal operation and use; any that have failed or are ineffective are judged major hidden dangers.',
    },
  },
  {
    number: 15,
    group: 'general',
    scope: { kind: 'none' },
    appliesTo: { zh: '施行日期与废止', en: 'Commencement and repeal' },
    itemCount: null,
    itemsSeen: 0,
  },
];

const sources = {
  art3: 'jiangmen.gov.cn; anzhuopai.com',
  art4: 'anzhuopai.com; 916176.cn',
  aluminium: '铝加工企业重大事故隐患判定 excerpt',
  aluminiumAndFolks: 'folksfolks.com (MEM repost); 铝加工企业重大事故隐患判定 excerpt',
  folks: 'folksfolks.com (MEM repost)',
  art6: '中国应急管理报 2023-06-22 (boglecoveoysterhouse.net repost); folksfolks.com',
  art7: 'docs/rules.md §3.2 (source not named)',
  art11: 'czlst.com.cn',
};

const items = [
  ...verbatimRun(3, 1, sources.art3, [
    '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的；',
    '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的；',
  ]),
  // 第三条(三) concerns 金属冶炼企业 only, so it is offered only to enterprises tagged metal_smelting.
  verbatim(3, 3, '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格的。', sources.art3, 'metal_smelting'),
  ...verbatimRun(4, 1, sources.art4, [
    '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内的；',
    '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏和喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在积水的；',
    '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）、漏钢回转溜槽，或者模铸流程未设置事故钢水罐（坑、槽）的；',
    '转炉、电弧炉、AOD炉、LF炉、RH炉、VOD炉等炼钢炉的水冷元件未设置出水温度、进出水流量差等监测报警装置，或者监测报警装置未与炉体倾动、氧（副）枪自动提升、电极自动断电和升起装置联锁的；',
  ]),
  missing(4, 5, '高炉生产期间炉顶工作压力设定值超过设计文件规定的最高工作压力，或者炉顶'), // cut off in the source
  missing(5, 1),
  missing(5, 2),
  missing(5, 3),
  ...verbatimRun(5, 4, sources.aluminium, [
    '采用水冷冷却的冶炼炉窑、铸造机（铝加工深井铸造工艺的结晶器除外）、加热炉未设置应急水源的；',
    '熔融金属冶炼炉窑的闭路循环水冷元件未设置出水温度、进出水流量差监测报警装置，或者开路水冷元件未设置进水流量、压力监测报警装置，或者未监测开路水冷元件出水温度的；',
    '铝加工深井铸造工艺的结晶器冷却水系统未设置进水压力、进水流量监测报警装置，或者监测报警装置未与快速切断阀、紧急排放阀、流槽断开装置联锁，或者监测报警装置未与倾动式浇铸炉控制系统联锁的；',
    '铝加工深井铸造工艺的浇铸炉铝液出口流槽、流槽与模盘（分配流槽）入口连接处未设置液位监测报警装置，或者固定式浇铸炉的铝液出口未设置机械锁紧装置的；',
  ]),
  ...verbatimRun(5, 8, sources.aluminiumAndFolks, [
    '铝加工深井铸造工艺的固定式浇铸炉的铝液流槽未设置紧急排放阀，或者流槽与模盘（分配流槽）入口连接处未设置快速切断阀（断开装置），或者流槽与模盘（分配流槽）入口连接处的液位监测报警装置未与快速切断阀（断开装置）、紧急排放阀联锁的；',
    '铝加工深井铸造工艺的倾动式浇铸炉流槽与模盘（分配流槽）入口连接处未设置快速切断阀（断开装置），或者流槽与模盘（分配流槽）入口连接处的液位监测报警装置未与浇铸炉倾动控制系统、快速切断阀（断开装置）联锁的；',
    '铝加工深井铸造机钢丝卷扬系统选用非钢芯钢丝绳，或者未落实钢丝绳定期检查、更换制度的；',
  ]),
  ...verbatimRun(5, 11, sources.folks, [
    '可能发生一氧化碳、砷化氢、氯气、硫化氢等4种有毒气体泄漏、积聚的场所和部位未设置固定式气体浓度监测报警装置，或者监测数据未接入24小时有人值守场所，或者未对可能有砷化氢气体的场所和部位采取同等效果的检测措施的；',
    '使用煤气（天然气）并强制送风的燃烧装置的燃气总管未设置压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁的；',
    '正压煤气输配管线水封式排水器的最高封堵煤气压力小于30kPa，或者同一煤气管道隔断装置的两侧共用一个排水器，或者不同煤气管道排水器上部的排水管连通，或者不同介质的煤气管道共用一个排水器的。',
  ]),
  ...verbatimRun(6, 1, sources.art6, [
    '煤磨袋式收尘器、煤粉仓未设置温度和固定式一氧化碳浓度监测报警装置，或者未设置气体灭火装置的；',
    '筒型储库人工清库作业未落实清库方案中防止高处坠落、坍塌等安全措施的；',
    '水泥企业电石渣原料筒型储库未设置固定式可燃气体浓度监测报警装置，或者监测报警装置未与事故通风装置联锁的；',
    '进入筒型储库、焙烧窑、预热器旋风筒、分解炉、竖炉、篦冷机、磨机、破碎机前，未对可能意外启动的设备和涌入的物料、高温气体、有毒有害气体等采取隔离措施，或者未落实防止高处坠落、坍塌等安全措施的；',
    '采用预混燃烧方式的燃气窑炉（热发生炉煤气窑炉除外）的燃气总管未设置管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁的；',
    '制氢站、氮氢保护气体配气间、燃气配气间等3类场所未设置固定式可燃气体浓度监测报警装置的；',
    '电熔制品电炉的水冷设备失效的；',
    '玻璃窑炉、玻璃锡槽等设备未设置水冷和风冷保护系统的监测报警装置的。',
  ]),
  ...verbatimRun(7, 1, sources.art7, [
    '会议室、活动室、休息室、更衣室、交接班室等5类人员聚集场所设置在熔融金属吊运跨或者浇注跨的地坪区域内的；',
    '铸造用熔炼炉、精炼炉、保温炉未设置紧急排放和应急储存设施的；',
  ]),
  missing(7, 3, '生产期间'), // cut off in the source
  ...verbatimRun(11, 1, sources.art11, [
    '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所的；',
    '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通的；',
    '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的；',
    '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施的；',
    '除尘系统采用重力沉降室除尘，或者采用干式巷道式构筑物作为除尘风道的。',
  ]),
];

export const memOrder10: MajorHazardStandard = {
  id,
  code: { zh: '应急管理部令第10号', en: 'MEM Order No. 10' },
  title: {
    zh: '工贸企业重大事故隐患判定标准',
    en: 'Criteria for Determining Major Accident Hidden Dangers in Industry and Trade Enterprises',
  },
  version: '2023',
  adopted: '2023-03-20',
  published: '2023-04-14',
  effective: '2023-05-15',
  repeals: [{ code: '安监总管四〔2017〕129号', title: '工贸行业重大生产安全事故隐患判定标准（2017版）' }],
  officialText: 'https://www.gov.cn/gongbao/2023/issue_10566/202307/content_6890788.html',
  totals: { all: 64, management: 3, industry: 47, special: 14 },
  sectors: ['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'tobacco', 'commerce'],
  articles,
  items: items.sort((a, b) => a.article - b.article || a.item - b.item),
};
