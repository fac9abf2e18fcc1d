#pragma once

// Benchmarks only (bench/gui): off unless STORYBOOK_BENCH_FIRST_FRAME=1 is set. Then, once the
// first paint event of the process has been handled, prints to stderr
//   storybook-bench first-frame-ms MS
// (MS since STORYBOOK_BENCH_T0_US, a CLOCK_REALTIME time in microseconds set by the launcher just
// before exec, else since the kernel's process start time), waits STORYBOOK_BENCH_IDLE_MS (default
// 1000) and prints
//   storybook-bench idle-rss-kb KB
// (VmRSS of /proc/self/status), then quits the application. Nothing user-visible.
namespace Storybook::FirstFrameProbe {

// Call once, right after the QApplication is constructed.
void installIfRequested();

} // namespace Storybook::FirstFrameProbe
