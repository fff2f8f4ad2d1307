#include "hostile_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;
using namespace std::string_literals;

namespace dossier::test {
namespace {

void put(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string utf16(const std::string& ascii, bool little_endian) {
  std::string out = little_endian ? std::string("\xFF\xFE", 2) : std::string("\xFE\xFF", 2);
  for (char c : ascii) {
    if (little_endian) out += c, out += '\0';
    else out += '\0', out += c;
  }
  return out;
}

// YAML's billion laughs: nine levels of nine aliases each.
std::string alias_bomb_front_matter() {
  std::string y = "---\ntitle: Laughs\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (int level = 1; level <= 9; ++level) {
    std::string prev = "*l" + std::to_string(level - 1);
    y += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [" + repeat(prev + ",", 8) + prev + "]\n";
  }
  y += "actors: *l9\nsource: *l9\nauthor: *l9\ndate: *l9\n---\nThe body of the alias bomb.\n";
  return y;
}

// A 200-byte name, so that 25 levels of folders exceed PATH_MAX (4096).
constexpr const char* kLongName =
    "a-folder-with-a-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-"
    "and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-end";

// Builds root/long/<name>/<name>/.../report.txt with openat, since its path is too long for open().
bool build_long_path(const std::string& root, const std::string& word) {
  fs::create_directories(root + "/long");
  int fd = ::open((root + "/long").c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return false;
  for (int level = 0; level < 25; ++level) {
    if (::mkdirat(fd, kLongName, 0755) != 0) break;
    int next = ::openat(fd, kLongName, O_RDONLY | O_DIRECTORY);
    ::close(fd);
    fd = next;
    if (fd < 0) return false;
  }
  int file = ::openat(fd, "report.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::close(fd);
  if (file < 0) return false;
  std::string text = "Deep long path report. " + word + "\n";
  bool ok = ::write(file, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(file);
  return ok;
}

void remove_at(int parent, const char* name) {
  int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  if (fd >= 0) {
    if (DIR* d = ::fdopendir(fd)) {
      std::vector<std::string> names;
      while (dirent* e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) names.emplace_back(e->d_name);
      for (const auto& n : names) remove_at(::dirfd(d), n.c_str());
      ::closedir(d);
    } else {
      ::close(fd);
    }
    ::unlinkat(parent, name, AT_REMOVEDIR);
  } else {
    ::unlinkat(parent, name, 0);
  }
}

}  // namespace

void remove_deep_tree(const std::string& path) { remove_at(AT_FDCWD, path.c_str()); }

HostileFolder build_hostile_folder(const std::string& root, const std::string& outside, bool big) {
  HostileFolder h;
  auto good = [&](const std::string& name, const std::string& content, const std::string& word) {
    put(root + "/" + name, content);
    h.good.push_back({word, name});
  };

  // Good reports, each with a word of its own.
  good("good/plain.txt", "Grain corridor talks\n\nThe hostilegoodalpha delegation met in Istanbul.\n",
       "hostilegoodalpha");
  good("good/brief.md",
       "---\ntitle: Sanctions brief\nsource: Kestrel\ndate: 2024-06-18\nactors: [Russia]\n---\n# Brief\n\n"
       "hostilegoodbravo sanctions were extended.\n",
       "hostilegoodbravo");
  good("good/page.html",
       "<html><head><title>Page</title></head><body><p>The hostilegoodhtml page.</p></body></html>\n",
       "hostilegoodhtml");
  good("mixed/nul.txt", "A report with a stray NUL\0 byte: hostilegoodnul here.\n"s, "hostilegoodnul");
  good("mixed/utf16le.txt", utf16("UTF-16 report: hostilegoodutfle words.\n", true), "hostilegoodutfle");
  good("mixed/utf16be.txt", utf16("UTF-16 report: hostilegoodutfbe words.\n", false), "hostilegoodutfbe");
  good("mixed/invalid.txt",
       "Invalid bytes caf\xC3 \xFF\xFE\xFD \xED\xA0\x80 \xC0\xAF then hostilegoodinvalid and more.\n",
       "hostilegoodinvalid");
  good("names/new\nline.txt", "A file name with a newline: hostilegoodnewline.\n", "hostilegoodnewline");
  good("names/bad\xFF\xFE name.txt", "A file name that is not UTF-8: hostilegoodbadname.\n", "hostilegoodbadname");
  good("names/esc\x1b[2J\x1b]0;pwned\x07.md", "A file name with escapes: hostilegoodescname.\n", "hostilegoodescname");
  good("meta/long-metadata.md",
       "---\ntitle: " + repeat("Long title ", 3000) + "\nsource: " + repeat("Agency ", 60) +
           "\nactors: [\"" + repeat("Somebody ", 50) + "\", Russia]\nurl: https://example.org/" +
           repeat("x", 2000) + "\nid: " + repeat("id", 300) + "\n---\nLong metadata: hostilegoodlongmeta.\n",
       "hostilegoodlongmeta");
  good("meta/long-words.txt",
       "Long words " + repeat("x", 300) + " " + repeat("\xC3\xA9", 200) + " " + repeat("y", 1 << 20) +
           " then hostilegoodlongword.\n",
       "hostilegoodlongword");
  std::string deep = root + "/deep";
  for (int level = 0; level < 120; ++level) deep += "/d";
  put(deep + "/bottom.txt", "At the bottom of 120 folders: hostilegooddeep.\n");
  h.good.push_back({"hostilegooddeep", "deep/d/.../bottom.txt"});

  // Too long a path for open(): it must be found or reported, never silently lost.
  h.long_path_word = "hostilelongpathword";
  if (!build_long_path(root, h.long_path_word)) h.notes.push_back("could not build the long path");

  // Big and strange text.
  {
    const std::size_t mb = big ? 30 : 3;
    std::string text;
    text.reserve(mb << 20);
    for (std::size_t i = 0; text.size() < (mb << 20); ++i)
      text += "paragraph " + std::to_string(i) + " words words words about nothing much\n";
    put(root + "/big/many-mb.txt", text);
  }
  put(root + "/big/one-line.txt", repeat("oneline ", (big ? 5u : 1u) << 17));  // MBs, no newline
  put(root + "/big/binary.txt", std::string(8192, '\0') + "tail");
  put(root + "/big/empty.txt", "");
  put(root + "/big/controls.txt", repeat("\x1b[2J\x07\x08\x7f\xC2\x9b", 10000));

  // Structures nested far deeper than any report.
  put(root + "/nested/deep.json", repeat("[", 100000) + repeat("]", 100000));
  put(root + "/nested/huge-number.json", "2e333 {\"title\": 1e99999}");  // found by fuzzing: killed the run
  put(root + "/nested/huge-number.jsonl", "{\"title\": 2e333}\n1e99999\n");
  put(root + "/nested/deep-object.json", repeat("{\"a\":", 100000) + "1" + repeat("}", 100000));
  put(root + "/nested/deep.jsonl", repeat("[", 100000) + "\n{\"title\":\"x\"}\n" + repeat("{", 50000) + "\n");
  put(root + "/nested/deep.html", repeat("<div>", 100000) + "deep html" + repeat("</div>", 100000));
  put(root + "/nested/unclosed.html", repeat("<b><i><table><tr><td>", 30000) + "unclosed");
  put(root + "/nested/deep.csv", "title,text\n\"" + repeat("\"\"", 100000) + "\n" + repeat(",", 1 << 20) + "\n");
  put(root + "/nested/alias-bomb.md", alias_bomb_front_matter());
  put(root + "/nested/deep-yaml.md", "---\ntitle: x\ndeep: " + repeat("[", 30000) + repeat("]", 30000) +
                                         "\n---\nbody\n");
  put(root + "/nested/deep-yaml-map.md", "---\ntitle: x\ndeep: " + repeat("{a: ", 20000) + "1" +
                                             repeat("}", 20000) + "\n---\nbody\n");

  // PDFs that are not.
  const std::string pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>"
      "endobj\n4 0 obj<</Length 44>>stream\nBT /F1 24 Tf 72 700 Td (Hello PDF) Tj ET\nendstream endobj\n"
      "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  put(root + "/pdf/truncated.pdf", pdf.substr(0, pdf.size() / 2));
  put(root + "/pdf/fake.pdf", "%PDF-1.7\n" + repeat("\x01\xFE garbage ", 1000));
  put(root + "/pdf/text-as.pdf", "This is not a PDF at all.\n");
  put(root + "/pdf/empty.pdf", "");
  put(root + "/pdf/bomb.pdf", "%PDF-1.4\n1 0 obj<</Length 999999999>>stream\n" + repeat("A", 4096));

  // Special files, never to be opened.
  fs::create_directories(root + "/special");
  if (::mkfifo((root + "/special/fifo.txt").c_str(), 0644) == 0) h.must_report.push_back("fifo.txt");
  else h.notes.push_back(std::string("mkfifo: ") + std::strerror(errno));
  if (::mkfifo((root + "/special/fifo-no-extension").c_str(), 0644) == 0) h.must_report.push_back("fifo-no-extension");
  {
    int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::string path = root + "/special/sock.md";
    if (s >= 0 && path.size() < sizeof addr.sun_path) {
      std::strcpy(addr.sun_path, path.c_str());
      if (::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) h.must_report.push_back("sock.md");
      else h.notes.push_back(std::string("bind: ") + std::strerror(errno));
    } else {
      h.notes.push_back("no unix socket: path too long");
    }
    if (s >= 0) ::close(s);
  }
  if (::mknod((root + "/special/chardev.txt").c_str(), S_IFCHR | 0644, makedev(1, 3)) == 0)
    h.must_report.push_back("chardev.txt");
  else h.notes.push_back(std::string("mknod (char device): ") + std::strerror(errno));

  // Links: loops, a device, and ways out of the folder.
  auto link = [&](const std::string& target, const std::string& name, bool report) {
    if (::symlink(target.c_str(), (root + "/links/" + name).c_str()) == 0) {
      if (report) h.must_report.push_back(name);
    } else {
      h.notes.push_back("symlink " + name + ": " + std::strerror(errno));
    }
  };
  fs::create_directories(root + "/links/sub");
  link("loop.txt", "loop.txt", true);
  link("loop-b.md", "loop-a.md", true);
  link("loop-a.md", "loop-b.md", true);
  link("..", "sub/up", false);              // a folder loop inside the folder
  link("../..", "sub/upup", false);         // another one, to the root
  link("/dev/null", "dev-null.txt", true);
  link("/dev/zero", "dev-zero.txt", true);
  link("/dev/urandom", "dev-urandom.md", true);
  link("/proc/self/fd/0", "stdin.txt", true);
  put(outside + "/secret.txt", "Outside the folder: hostileoutsideword.\n");
  link(outside + "/secret.txt", "outside.txt", true);
  link(outside, "outside-folder", true);
  link("/", "filesystem-root", true);
  link("missing-target.txt", "broken.txt", true);
  h.must_not_find.push_back("hostileoutsideword");
  return h;
}

}  // namespace dossier::test
