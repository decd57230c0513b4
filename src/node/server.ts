/** `npm start`: the app on Node, http://localhost:8787 (PORT overrides). */
import { serve } from '@hono/node-server'
import { createApp } from '../app.js'
import { nodeEnv } from './env.js'
import { dataOption } from './office-option.js'
import { accessLog, nodeMetrics } from './observability.js'

dataOption(process.argv.slice(2))

const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? '0.0.0.0'
const metrics = nodeMetrics()
const app = createApp({ ...(await nodeEnv()), observers: [accessLog(), metrics], metrics })

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`qoyar listening on http://localhost:${info.port}`)
})
