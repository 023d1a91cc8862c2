// Preloaded (node --require) into both bots by the turn benchmarks, never into a bot that serves people:
// answers the benchmark's "memory" message over the child-process channel with heapUsed and RSS taken
// right after a full garbage collection (the bot runs with --expose-gc). Adds no HTTP endpoint.
process.on('message', (message) => {
  if (message !== 'memory') return;
  if (typeof global.gc === 'function') global.gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.send({ heapUsed, rss });
});
// The IPC channel must not keep a bot alive after the benchmark stops it.
if (process.channel) process.channel.unref();
