/** The Node server on a free loopback port, for tests that need a real socket: the spawner the fuzz and load scripts use. */
export { startServer, type ServerProcess } from '../../scripts/service/server-process.js'
