// Botan's amalgamation, as built here, formats its messages (fmt(), algorithm names, assertion
// text, string_join) with this instead of std::ostringstream: cmake/ThirdParty.cmake swaps the
// name in a copy of botan_all.cpp. One std::ostringstream links all of libc++'s locale machinery
// (every num_get/money_get/time_get/codecvt facet, iostream buffers): about 40 KiB of gzip in the
// shipped wasm module, for error messages. Botan streams only text, characters and integers into
// them; anything else fails to compile here rather than print differently.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

namespace Botan {

class Text_Builder final {
   public:
      Text_Builder& operator<<(std::string_view text) {
         m_text.append(text);
         return *this;
      }

      Text_Builder& operator<<(const char* text) { return *this << std::string_view(text); }

      Text_Builder& operator<<(char c) {
         m_text.push_back(c);
         return *this;
      }

      // std::ostream prints bool as 0/1 and the char types as characters: both are left out so that
      // a use of them is a compile error here, not a silent change of Botan's text.
      template <typename Integer>
         requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool> && !std::is_same_v<Integer, char> &&
                  !std::is_same_v<Integer, signed char> && !std::is_same_v<Integer, unsigned char>)
      Text_Builder& operator<<(Integer value) {
         m_text.append(std::to_string(value));
         return *this;
      }

      std::string str() const { return m_text; }

   private:
      std::string m_text;
};

}  // namespace Botan
