#pragma once
// Classifying found text (private to the session).

#include "authcore/session/Candidate.h"

#include <string_view>

namespace authcore {

/// The kind of an already trimmed text, by its scheme (case-insensitive).
TextKind classifyText(std::string_view trimmed) noexcept;

} // namespace authcore
