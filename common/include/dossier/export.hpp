#pragma once
/// @file
/// Symbol visibility: shared builds export only declarations marked DOSSIER_API.

#if defined(_WIN32)
#define DOSSIER_API
#else
#define DOSSIER_API __attribute__((visibility("default")))
#endif
