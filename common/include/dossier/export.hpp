#pragma once
/// @file
/// Symbol visibility: shared builds export only declarations marked DOSSIER_API.

#if defined(_WIN32)
#define DOSSIER_API
#else
/// Marks a class or function of the public API. The libraries are compiled with
/// hidden visibility, so a shared libdossier_*.so exports only what carries this.
#define DOSSIER_API __attribute__((visibility("default")))
#endif
