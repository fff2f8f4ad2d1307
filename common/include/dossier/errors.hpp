#pragma once
/// @file
/// The one exception hierarchy the dossier libraries throw.

#include <dossier/export.hpp>

#include <stdexcept>
#include <string>

namespace dossier {

/// Base of every exception dossier throws; what() is one line for a user.
class DOSSIER_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The index is missing, unreadable, corrupt or otherwise unusable.
class DOSSIER_API DatabaseError : public Error {
 public:
  using Error::Error;
};

/// Another process holds the index's write lock.
class DOSSIER_API LockError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// A query or filter that cannot mean anything (an impossible date, an unknown facet).
class DOSSIER_API QueryError : public Error {
 public:
  /// @param message what is wrong, one line; @param query the query text as given.
  QueryError(const std::string& message, std::string query)
      : Error(message), query_(std::move(query)) {}
  /// The query text the error is about.
  [[nodiscard]] const std::string& query() const noexcept { return query_; }

 private:
  std::string query_;
};

/// An argument given to the API is invalid (an empty path, an unknown field name).
class DOSSIER_API InvalidArgument : public Error {
 public:
  using Error::Error;
};

}  // namespace dossier
