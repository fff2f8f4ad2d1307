#pragma once
// The index's compression dictionary (data_packing.hpp), from the indexer's
// side: found in the index, or learnt from the first documents a run prepares
// and recorded in the index with them.

#include "data_packing.hpp"
#include "index_writer.hpp"
#include "walker.hpp"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace dossier {

// The packer for documents added to the index: with its dictionary, or
// without one (the data stored as it is) when it has none yet.
DataPacker load_packer(const IndexWriter& writer);

// How many of the files about to be read, from the first, to learn a
// dictionary from: ~1 MB of them (and no more than a batch).
std::size_t files_to_learn_from(const std::vector<const FileEntry*>& todo);

// Trains a dictionary on the documents' (unpacked) data. When one is learnt,
// records it in the index (committed with the next batch, with the documents
// that need it), packs the documents with it, and returns its packer;
// otherwise returns `packer` as it was.
DataPacker learn_dictionary(const std::vector<Xapian::Document*>& documents, IndexWriter& writer,
                            DataPacker packer);

}  // namespace dossier
