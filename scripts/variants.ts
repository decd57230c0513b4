/**
 * A few variants of each template beside its example: other presets, colours,
 * layouts. The gallery renders them for people to look at; the reference
 * renders (test/reference-renders.test.ts) guard their pixels.
 */
export function variantsOf(examples: Readonly<Record<string, unknown>>): Record<string, Record<string, unknown>[]> {
  const board = examples['display-board'] as Record<string, unknown>
  const picture = (board.images as Record<string, unknown>[])[0]!

  return {
    letterhead: [{ org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', org_zh: '蒙古语言文字工作委员会文件', preset: 'a4-header' }],
    'display-board': [
      // Sample words repeated to fill a board: shows the grid, not publishable prose.
      {
        ...board,
        preset: 'board-900x1200',
        theme: 'blue',
        subtitle_mn: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ',
        subtitle_zh: '学校',
        body_mn: Array(12).fill('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ᠃ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ᠂ ᠡᠮᠨᠡᠯᠭ\u180eᠡ᠂ ᠨᠣᠮ᠃').join(' '),
        body_zh: '设立宣传民族团结进步的展示墙和活动宣传栏，做到主题突出、构图严谨、图文并茂、美观大方。'.repeat(3),
        images: [picture, { ...picture, caption_mn: 'ᠡᠮᠨᠡᠯᠭ\u180eᠡ', caption_zh: '医院' }, picture, { ...picture, caption_mn: 'ᠨᠣᠮ', caption_zh: '书' }],
      },
    ],
    'slogan-banner': [
      { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '蒙古语言文字', preset: 'cloth-6000x700' },
      { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '蒙古语言文字', preset: 'standing-800x2000', color: '#ffd400' },
      { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ\u202Fᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '民族团结是各族人民的生命线', preset: 'screen-1920x480' },
    ],
    'desk-card': [
      { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', mnLayout: 'line' },
      { name_mn: 'ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ', name_zh: '萨仁格日勒' },
    ],
    'meeting-banner': [
      // The date in digits only: we have no reviewed Mongolian wording for dates.
      {
        title_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ',
        title_zh: '蒙古语言文字',
        organiser_mn: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ',
        organiser_zh: '学校',
        date_mn: '2024.05.20',
        date_zh: '2024年5月20日',
        preset: 'hall-8000x1500',
        color: '#ffd400',
        frame: 'line',
      },
      { title_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', title_zh: '蒙古语言文字', preset: 'hall-12000x2000' },
    ],
    'window-sign': [
      // The band with a pair we can vouch for (its Chinese set to match); the real phrase needs a reviewed badge_mn.
      { number: '12', service_mn: 'ᠡᠮᠨᠡᠯᠭ\u180eᠡ', service_zh: '医院', badge_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', badge_zh: '蒙古语言文字', preset: 'hanging-600x200' },
      { number: 'A3', service_mn: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', service_zh: '学校', accent: '#c8102e', preset: 'counter-400x150' },
    ],
    'door-plaque': [
      { name_mn: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', name_zh: '学校', preset: 'vertical-500x2400', scheme: 'gold-on-black' },
      { name_mn: 'ᠡᠮᠨᠡᠯᠭ\u180eᠡ', name_zh: '医院', preset: 'horizontal-2400x600', scheme: 'red-on-white' },
      { name_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', name_zh: '蒙古语言文字', preset: 'vertical-300x1500', typeface: 'sans' },
    ],
  }
}
