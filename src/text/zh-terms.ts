/**
 * Chinese terms of public signage that Intl.Segmenter (ICU's zh dictionary) splits where a line
 * must not end: 共同|体, 各|民族, 少数|民族, 委员|会, 自治|区 (segmentations checked on Node 20's ICU).
 * A break inside one of them is a break inside a word (breaks.ts). Terms of the handbook's slogans
 * and of the administrative names on letterheads, plaques and window signs; longer terms first is
 * not needed (every occurrence of every term is kept).
 */
export const KEPT_TERMS: readonly string[] = [
  // 民族团结 slogans
  '中华民族',
  '共同体',
  '少数民族',
  '各民族',
  '各族人民',
  '民族团结',
  '铸牢',
  '交往交流交融',
  '离不开',
  // Administrative names
  '委员会',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '开发区',
  '内蒙古',
  '阿拉善盟',
  '锡林郭勒盟',
  '呼伦贝尔',
  '鄂尔多斯',
  '巴彦淖尔',
  '乌兰察布',
  '延边',
  '朝鲜族',
  '维吾尔',
  '腾格里',
  '行政公署',
]
