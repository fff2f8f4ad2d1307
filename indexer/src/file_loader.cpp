#include "file_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dossier {

LoadedFile load_file(const FileEntry& file, std::uintmax_t max_bytes) {
  LoadedFile out;
  if (file.size > max_bytes) {
    out.failure_reason = "too large";
    out.failure_detail = "file is " + std::to_string(file.size / (1024 * 1024)) + " MB, over the limit of " +
                         std::to_string(max_bytes / (1024 * 1024)) + " MB (--max-file-size)";
    return out;
  }
  // O_NONBLOCK: if the path was swapped for a FIFO since the walk, open must not hang.
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    out.failure_reason = errno == ENOENT ? "vanished" : "unreadable";
    out.failure_detail = std::string("cannot open: ") + std::strerror(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    out.failure_reason = "special file";
    out.failure_detail = "not a regular file any more";
    return out;
  }
  out.bytes.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(file.size, max_bytes)));
  std::size_t got = 0;
  bool failed = false;
  while (true) {
    if (got == out.bytes.size()) {
      if (out.bytes.size() >= max_bytes) break;
      out.bytes.resize(std::min<std::size_t>(max_bytes, out.bytes.size() * 2 + 4096));
    }
    ssize_t n = ::read(fd, out.bytes.data() + got, out.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  int read_errno = errno;
  struct stat after {};
  bool changed = ::fstat(fd, &after) != 0 || after.st_size != st.st_size ||
                 after.st_mtim.tv_sec != st.st_mtim.tv_sec || after.st_mtim.tv_nsec != st.st_mtim.tv_nsec ||
                 static_cast<std::uintmax_t>(st.st_size) != file.size;
  ::close(fd);
  out.bytes.resize(got);
  if (failed) {
    out.bytes.clear();
    out.failure_reason = "unreadable";
    out.failure_detail = std::string("read failed: ") + std::strerror(read_errno);
  } else if (changed) {
    // The next run sees the file at rest; indexing a half-written state would be wrong.
    out.bytes.clear();
    out.failure_reason = "changed while reading";
    out.failure_detail = "the file changed while it was being read; it will be indexed next run";
  } else if (got > max_bytes) {
    out.bytes.clear();
    out.failure_reason = "too large";
    out.failure_detail = "file grew over the size limit";
  }
  return out;
}

}  // namespace dossier
