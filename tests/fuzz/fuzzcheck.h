#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The entry point every fuzz target defines; libFuzzer (or replaymain.cpp) calls it once per input.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// An invariant the target checks. On a violation it says which one and aborts, so libFuzzer reports the input
// as a crash and keeps it (and the replay driver fails the corpus test).
#define FUZZ_CHECK(condition, what)                                                                                \
    do {                                                                                                           \
        if (!(condition)) {                                                                                        \
            std::fprintf(stderr, "fuzz invariant violated: %s [%s] at %s:%d\n", what, #condition, __FILE__,      \
                         __LINE__);                                                                                \
            std::abort();                                                                                          \
        }                                                                                                          \
    } while (false)
