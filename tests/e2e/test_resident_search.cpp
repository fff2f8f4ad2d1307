// dossier-search through the resident searcher: the same answers as a plain
// run, an index's changes seen, and nothing lost when the resident searcher is
// gone, unusable or idle. Each test keeps its resident searchers in its own
// folder and stops them at the end.

#include "cli_fixture.hpp"

#include <nlohmann/json.hpp>

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace dossier::test;

namespace {

// The resident searchers started from one folder; stopped when it goes.
struct ResidentFolder {
  TempDir dir;
  std::string runtime = dir.path() + "/run";

  ~ResidentFolder() {
    for (pid_t pid : servers()) ::kill(pid, SIGKILL);
  }

  std::map<std::string, std::string> env(const std::string& mode, const std::string& idle = "60") const {
    return {{"DOSSIER_SERVER", mode}, {"DOSSIER_RUNTIME_DIR", runtime}, {"DOSSIER_SERVER_IDLE", idle}};
  }

  // Processes serving a socket in this folder (their command line names it).
  std::vector<pid_t> servers() const {
    std::vector<pid_t> found;
    DIR* proc = ::opendir("/proc");
    if (!proc) return found;
    while (dirent* e = ::readdir(proc)) {
      pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
      if (pid <= 0) continue;
      std::ifstream in("/proc/" + std::string(e->d_name) + "/cmdline", std::ios::binary);
      std::stringstream cmdline;
      cmdline << in.rdbuf();
      const std::string c = cmdline.str();
      if (c.find("--serve") != std::string::npos && c.find(runtime + "/") != std::string::npos) found.push_back(pid);
    }
    ::closedir(proc);
    return found;
  }

  bool has_socket() const {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(runtime, ec))
      if (e.path().extension() == ".sock") return true;
    return false;
  }
};

// Polls `done` for up to 30 s (a loaded machine is slow, but never this slow).
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 300; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

std::vector<std::string> with_search(std::vector<std::string> args) {
  args.insert(args.begin(), search_bin());
  return args;
}

}  // namespace

TEST_CASE("the resident searcher answers exactly as a plain run", "[resident]") {
  const auto& cli = CorpusCli::get();
  ResidentFolder folder;
  TempDir files;
  const std::string queries = files.write("watch.txt", "shells\tnorth korean shells\nbad\tdate:2024-13\n");
  const std::vector<std::vector<std::string>> invocations = {
      {"--index", cli.index, "north korean shells"},
      {"--index", cli.index, "--color", "always", "-n", "3", "sanctions"},
      {"--index", cli.index, "--json", "--facets", "source,actor,year", "drone"},
      {"--index", cli.index, "--format", "html", "\"air defence\""},
      {"--index", cli.index, "--format", "jsonl", "--since", "2024-06", "--until", "2024-06", "artillery"},
      {"--index", cli.index, "--timeline", "ceasefire"},
      {"--index", cli.index, "--queries", queries},
      {"--index", cli.index, "date:2024-13"},                    // a malformed query: exit 2
      {"--index", cli.index, "zzzzunmatchedword"},               // nothing matched: exit 1
      {"--index", files.path() + "/no-such-index", "anything"},  // exit 3
      {"--index", cli.index},                                    // no query: usage
      {"--no-such-option"},
      {"--help"},
      {"--version"},
  };
  for (const auto& args : invocations) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO("dossier-search " << shown);
    auto plain = run_process(with_search(args), folder.env("off"));
    auto resident = run_process(with_search(args), folder.env("require"));
    CHECK(resident.exit_code == plain.exit_code);
    CHECK(resident.out == plain.out);
    CHECK(resident.err == plain.err);
  }
  CHECK(folder.servers().size() == 1);
}

TEST_CASE("the resident searcher resolves relative index paths and the default index from the caller", "[resident]") {
  const auto& cli = CorpusCli::get();
  ResidentFolder folder;
  auto env = folder.env("require");
  env["DOSSIER_INDEX"] = cli.index;
  auto by_env = run_process(with_search({"--json", "-n", "2", "sanctions"}), env);
  auto plain = run_process(with_search({"--json", "-n", "2", "sanctions"}), {{"DOSSIER_INDEX", cli.index}});
  REQUIRE(plain.exit_code == 0);
  CHECK(by_env.exit_code == 0);
  CHECK(by_env.out == plain.out);

  // The same relative path from two folders is two indexes.
  TempDir a, b;
  const std::string docs = a.path() + "/docs";
  a.write("docs/one.md", "---\ntitle: One\n---\nThe zeppelin report.\n");
  REQUIRE(run_process({index_bin(), docs, "--index", a.path() + "/ix", "-q"}).exit_code == 0);
  REQUIRE(run_process({index_bin(), corpus_dir(), "--index", b.path() + "/ix", "-q"}).exit_code == 0);
  auto in_folder = [&](const std::string& cwd, const std::vector<std::string>& args,
                       const std::string& mode = "require") {
    std::vector<std::string> argv = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", cwd, search_bin()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, folder.env(mode));
  };
  CHECK(in_folder(a.path(), {"--index", "ix", "zeppelin"}).exit_code == 0);
  CHECK(in_folder(b.path(), {"--index", "ix", "zeppelin"}).exit_code == 1);

  // A relative index that is not there is named as the user gave it.
  auto missing = in_folder(a.path(), {"--index", "no-such-index", "zeppelin"});
  auto missing_plain = in_folder(a.path(), {"--index", "no-such-index", "zeppelin"}, "off");
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == missing_plain.err);
  CHECK(missing.err.find("no-such-index") != std::string::npos);
  CHECK(missing.err.find(a.path()) == std::string::npos);
}

TEST_CASE("the resident searcher sees an index updated, rebuilt or removed after it started", "[resident]") {
  ResidentFolder folder;
  TempDir work;
  const std::string docs = work.path() + "/docs", index = work.path() + "/index";
  work.write("docs/a.md", "---\ntitle: A\n---\nThe convoy crossed the bridge.\n");
  REQUIRE(run_process({index_bin(), docs, "--index", index, "-q"}).exit_code == 0);
  auto count = [&](const std::string& word) {
    auto r = run_process(with_search({"--index", index, "--json", word}), folder.env("require"));
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return nlohmann::json::parse(r.out)["total"].get<int>();
  };
  CHECK(count("convoy") == 1);

  work.write("docs/b.md", "---\ntitle: B\n---\nA second convoy, and a barge.\n");
  REQUIRE(run_process({index_bin(), docs, "--index", index, "-q"}).exit_code == 0);
  CHECK(count("convoy") == 2);
  CHECK(count("barge") == 1);

  std::filesystem::remove_all(index);
  std::filesystem::remove(docs + "/a.md");
  REQUIRE(run_process({index_bin(), docs, "--index", index, "-q"}).exit_code == 0);
  CHECK(count("convoy") == 1);
  CHECK(count("bridge") == 0);

  std::filesystem::remove_all(index);
  auto gone = run_process(with_search({"--index", index, "convoy"}), folder.env("require"));
  auto plain = run_process(with_search({"--index", index, "convoy"}), folder.env("off"));
  CHECK(gone.exit_code == 3);
  CHECK(gone.err == plain.err);
  CHECK(folder.servers().size() == 1);
}

TEST_CASE("a search still answers when the resident searcher was killed", "[resident]") {
  const auto& cli = CorpusCli::get();
  ResidentFolder folder;
  const auto args = with_search({"--index", cli.index, "--json", "sanctions"});
  auto expected = run_process(args, folder.env("off"));
  REQUIRE(expected.exit_code == 0);
  REQUIRE(run_process(args, folder.env("require")).out == expected.out);
  auto first = folder.servers();
  REQUIRE(first.size() == 1);
  ::kill(first[0], SIGKILL);
  REQUIRE(eventually([&] { return ::kill(first[0], 0) != 0; }));
  REQUIRE(folder.has_socket());  // left behind by the killed one

  // The default mode runs the search itself and starts a new resident searcher...
  auto after = run_process(args, folder.env("on"));
  CHECK(after.exit_code == 0);
  CHECK(after.out == expected.out);
  // ...which then answers.
  CHECK(eventually([&] { return folder.servers().size() == 1; }));
  CHECK(run_process(args, folder.env("require")).out == expected.out);
  auto second = folder.servers();
  REQUIRE(second.size() == 1);
  CHECK(second[0] != first[0]);
}

TEST_CASE("a resident searcher exits when idle and leaves no socket", "[resident]") {
  const auto& cli = CorpusCli::get();
  ResidentFolder folder;
  auto r = run_process(with_search({"--index", cli.index, "sanctions"}), folder.env("require", "1"));
  REQUIRE(r.exit_code == 0);
  CHECK(eventually([&] { return folder.servers().empty(); }));
  CHECK_FALSE(folder.has_socket());
}

TEST_CASE("no resident searcher in a folder others can enter", "[resident]") {
  const auto& cli = CorpusCli::get();
  ResidentFolder folder;
  std::filesystem::create_directories(folder.runtime);
  ::chmod(folder.runtime.c_str(), 0755);
  const auto args = with_search({"--index", cli.index, "--json", "sanctions"});
  auto plain = run_process(args, folder.env("off"));
  auto on = run_process(args, folder.env("on"));
  CHECK(on.exit_code == 0);
  CHECK(on.out == plain.out);
  auto required = run_process(args, folder.env("require"));
  CHECK(required.exit_code == 3);
  CHECK(required.err.find("no private folder") != std::string::npos);
  CHECK_FALSE(folder.has_socket());
  CHECK(folder.servers().empty());
}
