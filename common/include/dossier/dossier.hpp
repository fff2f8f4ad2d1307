#pragma once
/// @file
/// The whole public API in one include: the document model, errors, version,
/// index location, the Indexer and the Searcher. Link `dossier::dossier` (CMake)
/// or `pkg-config --libs dossier`. Programs that only search may include
/// <dossier/searcher.hpp> and link `dossier::searcher` alone.

#include <dossier/article.hpp>
#include <dossier/errors.hpp>
#include <dossier/export.hpp>
#include <dossier/index_location.hpp>
#include <dossier/indexer.hpp>
#include <dossier/searcher.hpp>
#include <dossier/version.hpp>
