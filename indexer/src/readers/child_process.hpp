#pragma once
// Running an external converter (pdftotext) on untrusted input, bounded: its
// CPU time and address space are limited with setrlimit, a wall-clock deadline
// kills it, and its output is capped. Input goes in on stdin, so the converter
// never touches the file system on our behalf.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct ChildLimits {
  unsigned cpu_seconds = 30;
  std::size_t address_space_bytes = 1024ull * 1024 * 1024;
  std::chrono::milliseconds wall_clock{60000};
  std::size_t max_output_bytes = 64ull * 1024 * 1024;
};

struct ChildResult {
  bool started = false;     // false: the program could not be run (see error)
  bool timed_out = false;   // killed at the wall-clock deadline
  bool output_capped = false;
  int exit_code = -1;       // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;          // first bytes of stderr, for messages
  std::string error;        // why it could not be started
};

// The full path of `program` found on PATH, or empty when it is not installed.
std::string find_program(std::string_view program);

// Runs `argv` (argv[0] a full path) with `input` on its stdin. Never throws.
// Safe to call from several threads at once.
ChildResult run_child(const std::vector<std::string>& argv, std::string_view input, const ChildLimits& limits);

}  // namespace dossier
