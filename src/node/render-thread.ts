/**
 * A render worker thread of the service: the Node environment loaded once,
 * then image and batch-row jobs on request (see render-pool.ts). Errors a
 * user caused come back as data; anything else is thrown, as a bug.
 */
import { crossing, drawImage, drawRow, type Crossing, type Drawn, type ImageJob, type RowJob, type RowOutcome } from '../http/render-job.js'
import { nodeEnv } from './env.js'
import { idleCollector } from './idle-collect.js'
import { lowerThreadPriority } from './thread-priority.js'

lowerThreadPriority()
const idle = idleCollector()

export type ThreadTask = { image: ImageJob } | { row: RowJob }

type Handler = (task: ThreadTask) => Promise<Crossing<Drawn> | Crossing<RowOutcome>>

/**
 * The handler, once the thread is ready: piscina awaits an exported promise
 * before it reports the thread ready, so no job waits on a thread still
 * loading fonts (after a deadline replaced one, say). Not top-level await:
 * piscina cannot load a TypeScript worker through tsx that has one.
 */
const handler: Promise<Handler> = nodeEnv().then(async (env) => {
  // satori parses its fonts on a thread's first render: done here, on no client's time.
  await drawImage(env, {
    kind: 'text',
    format: 'png',
    spec: { text: 'ᠮᠣᠩᠭᠣᠯ 蒙古 Aa 1', orientation: 'horizontal', size: 16, color: '#000000', background: '#ffffff', padding: 4 },
    etag: '"warm-up"',
    headers: {},
  })
  return async (task) => {
    idle.busy()
    try {
      return await ('image' in task ? crossing(() => drawImage(env, task.image)) : crossing(() => drawRow(env, task.row)))
    } finally {
      idle.done()
    }
  }
})

export default handler
