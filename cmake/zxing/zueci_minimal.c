/* A small stand-in for ZXing-cpp's bundled libzueci (src/libzueci/zueci.c), linked instead of it
 * (cmake/ThirdParty.cmake). libzueci converts between UTF-8 and every ECI character set, with
 * 254 KB of mapping tables for Shift JIS, GB 2312, GBK, GB 18030, Big5 and KS X 1001: a fifth of
 * the shipped wasm module, for character sets no otpauth:// URI uses (RFC 3986 URIs are ASCII;
 * labels are percent-encoded UTF-8). This keeps the same four functions and return codes for what
 * the app reads and writes:
 *   exactly: UTF-8 (ECI 26), ISO/IEC 8859-1 (1, 3), binary (899), ASCII (27), ISO/IEC 646 (170) and,
 *   for reading, Shift JIS (20: ZXing guesses it for byte-mode text without an ECI, common in
 *   Japan) and GB 2312 (29, and its characters within GBK and GB 18030, 31 and 32: ZXing reads
 *   QR's Hanzi mode as GB 18030), with the decoding tables (15.6 and 15.2 KB) from libzueci's own
 *   zueci_sjis.h and zueci_gb2312.h;
 *   other character sets (a QR code that names one): the ASCII bytes as they are, every other
 *   byte as the replacement character.
 * So an otpauth URI reads the same whatever its code declares, and a code in, say, Shift JIS gives
 * text that is not a URI (the scan says so) instead of Japanese. The writer is asked only for UTF-8
 * and ISO-8859-1 (core/src/qr/QrEncoder.cpp). Tested by tests/qr (round trips, ECI) natively, under
 * ASan and fuzzing, and as wasm. Same API as zueci.h (BSD-3-Clause, libzueci by gitlost), written
 * here from its header's contract. */
#include "libzueci/zueci.h"

#include <stddef.h>

/* libzueci's Shift JIS table for decoding only (zueci_sjis_mb_u), from the fetched ZXing sources. */
#define ZUECI_EMBED_NO_TO_ECI
#include "libzueci/zueci_common.h"
#include "libzueci/zueci_sjis.h"
#include "libzueci/zueci_gb2312.h"

enum { ECI_LATIN1_1 = 1, ECI_LATIN1 = 3, ECI_SJIS = 20, ECI_UTF8 = 26, ECI_GB2312 = 29, ECI_GBK = 31, ECI_GB18030 = 32, ECI_ASCII = 27, ECI_ISO646 = 170, ECI_BINARY = 899 };

static int is_character_set_eci(const int eci)
{
    return (eci >= 0 && eci <= 35 && eci != 14 && eci != 19) || eci == ECI_ISO646 || eci == ECI_BINARY;
}

static int is_byte_per_codepoint(const int eci)
{
    return eci == ECI_LATIN1 || eci == ECI_LATIN1_1 || eci == ECI_BINARY;
}

/* Decodes one UTF-8 sequence at src[*at]; returns the code point, or -1 (and steps one byte) for an
 * invalid one: overlong forms, surrogates and values above U+10FFFF are invalid. */
static long next_utf8(const unsigned char src[], const int len, int *at)
{
    const unsigned char lead = src[*at];
    int extra;
    long cp;
    long min;
    if (lead < 0x80) {
        (*at)++;
        return lead;
    }
    if (lead >= 0xC2 && lead <= 0xDF) { extra = 1; cp = lead & 0x1F; min = 0x80; }
    else if (lead >= 0xE0 && lead <= 0xEF) { extra = 2; cp = lead & 0x0F; min = 0x800; }
    else if (lead >= 0xF0 && lead <= 0xF4) { extra = 3; cp = lead & 0x07; min = 0x10000; }
    else { (*at)++; return -1; }
    if (*at + extra >= len) { (*at)++; return -1; } /* cut off at the end */
    for (int i = 1; i <= extra; i++) {
        const unsigned char next = src[*at + i];
        if ((next & 0xC0) != 0x80) { (*at)++; return -1; }
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { (*at)++; return -1; }
    *at += extra + 1;
    return cp;
}

/* Decodes one Shift JIS character at src[*at] (JIS X 0208 in two bytes, half-width katakana and JIS
 * Roman in one, the user-defined rows to the Private Use Area); -1 (and one byte) for none. */
static long next_sjis(const unsigned char src[], const int len, int *at, const unsigned int flags)
{
    const unsigned char first = src[*at];
    (*at)++;
    if (first < 0x80) {
        if (!(flags & ZUECI_FLAG_SJIS_STRAIGHT_THRU) && first == 0x5C) return 0xA5;   /* yen sign */
        if (!(flags & ZUECI_FLAG_SJIS_STRAIGHT_THRU) && first == 0x7E) return 0x203E; /* overline */
        return first;
    }
    if (first >= 0xA1 && first <= 0xDF) return 0xFF61 + (first - 0xA1);
    if (*at >= len || first == 0x80 || first == 0xA0 || (first > 0xEA && first < 0xF0) || first > 0xF9) return -1;
    const unsigned char second = src[*at];
    if (second < 0x40 || second == 0x7F || second > 0xFC) return -1;
    /* The trail byte's position among the 188 allowed (0x40-0x7E, 0x80-0xFC). */
    const int cell = second - 0x40 - (second > 0x7F);
    if (first >= 0xF0) {
        (*at)++;
        return 0xE000 + 188L * (first - 0xF0) + cell;
    }
    const int row = first - 0x81 - (first > 0xA0 ? 0xE0 - 0xA0 : 0);
    const int index = 188 * row + cell;
    if (index < 0 || index >= ZUECI_ASIZE(zueci_sjis_mb_u) || zueci_sjis_mb_u[index] == 0) return -1;
    (*at)++;
    return zueci_sjis_mb_u[index];
}

/* Decodes one GB 2312 (EUC-CN) character at src[*at]: rows 0xA1-0xA9 and 0xB0-0xF7, 94 cells each
 * from 0xA1; -1 (and one byte) for none. */
static long next_gb2312(const unsigned char src[], const int len, int *at)
{
    const unsigned char first = src[*at];
    (*at)++;
    if (first < 0x80) return first;
    if (*at >= len || first < 0xA1 || (first > 0xA9 && first < 0xB0) || first > 0xF7) return -1;
    const unsigned char second = src[*at];
    if (second < 0xA1 || second == 0xFF) return -1;
    const int row = first - 0xA1 - (first > 0xA9 ? 0xB0 - 0xAA : 0);
    const int index = 94 * row + (second - 0xA1);
    if (index >= ZUECI_ASIZE(zueci_gb2312_mb_u) || zueci_gb2312_mb_u[index] == 0) return -1;
    (*at)++;
    return zueci_gb2312_mb_u[index];
}

static int utf8_length_of(const unsigned long cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static void put_utf8(const unsigned long cp, unsigned char dest[], int *at)
{
    if (cp < 0x80) {
        dest[(*at)++] = (unsigned char) cp;
    } else if (cp < 0x800) {
        dest[(*at)++] = (unsigned char) (0xC0 | (cp >> 6));
        dest[(*at)++] = (unsigned char) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        dest[(*at)++] = (unsigned char) (0xE0 | (cp >> 12));
        dest[(*at)++] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        dest[(*at)++] = (unsigned char) (0x80 | (cp & 0x3F));
    } else {
        dest[(*at)++] = (unsigned char) (0xF0 | (cp >> 18));
        dest[(*at)++] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
        dest[(*at)++] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        dest[(*at)++] = (unsigned char) (0x80 | (cp & 0x3F));
    }
}

/* ECI bytes to UTF-8: writes to dest when it is not NULL, always counts. */
static int to_utf8(const int eci, const unsigned char src[], const int src_len, const unsigned int replacement,
                   const unsigned int flags, unsigned char dest[], int *p_dest_len)
{
    int warn = 0;
    int out = 0;
    int at = 0;
    if (!is_character_set_eci(eci)) {
        return ZUECI_ERROR_INVALID_ECI;
    }
    if ((src == NULL && src_len != 0) || src_len < 0 || p_dest_len == NULL || replacement > 0xFFFF) {
        return ZUECI_ERROR_INVALID_ARGS;
    }
    while (at < src_len) {
        long cp;
        if (eci == ECI_UTF8) {
            cp = next_utf8(src, src_len, &at);
        } else if (eci == ECI_SJIS) {
            cp = next_sjis(src, src_len, &at, flags);
        } else if (eci == ECI_GB2312 || eci == ECI_GBK || eci == ECI_GB18030) {
            cp = next_gb2312(src, src_len, &at);
        } else {
            const unsigned char byte = src[at++];
            if (byte < 0x80 || is_byte_per_codepoint(eci)) {
                cp = byte;
            } else if ((eci == ECI_ASCII || eci == ECI_ISO646) && (flags & ZUECI_FLAG_SB_STRAIGHT_THRU)) {
                cp = byte;
            } else {
                cp = -1; /* a character set this stand-in does not map */
            }
        }
        if (cp < 0) {
            if (replacement == 0) {
                return ZUECI_ERROR_INVALID_DATA;
            }
            cp = (long) replacement;
            warn = ZUECI_WARN_INVALID_DATA;
        }
        if (dest != NULL) {
            put_utf8((unsigned long) cp, dest, &out);
        } else {
            out += utf8_length_of((unsigned long) cp);
        }
    }
    *p_dest_len = out;
    return warn;
}

int zueci_eci_to_utf8(const int eci, const unsigned char src[], const int src_len, const unsigned int replacement_char,
                      const unsigned int flags, unsigned char dest[], int *p_dest_len)
{
    if (dest == NULL) {
        return ZUECI_ERROR_INVALID_ARGS;
    }
    return to_utf8(eci, src, src_len, replacement_char, flags, dest, p_dest_len);
}

int zueci_dest_len_utf8(const int eci, const unsigned char src[], const int src_len, const unsigned int replacement_char,
                        const unsigned int flags, int *p_dest_len)
{
    return to_utf8(eci, src, src_len, replacement_char, flags, NULL, p_dest_len);
}

int zueci_dest_len_eci(const int eci, const unsigned char src[], const int src_len, int *p_dest_len)
{
    if (!is_character_set_eci(eci)) {
        return ZUECI_ERROR_INVALID_ECI;
    }
    if ((src == NULL && src_len != 0) || src_len < 0 || p_dest_len == NULL) {
        return ZUECI_ERROR_INVALID_ARGS;
    }
    *p_dest_len = src_len; /* UTF-8 copies; every other set here takes at most one byte per UTF-8 byte */
    return 0;
}

int zueci_utf8_to_eci(const int eci, const unsigned char src[], const int src_len, unsigned char dest[], int *p_dest_len)
{
    int at = 0;
    int out = 0;
    if (!is_character_set_eci(eci)) {
        return ZUECI_ERROR_INVALID_ECI;
    }
    if ((src == NULL && src_len != 0) || src_len < 0 || dest == NULL || p_dest_len == NULL) {
        return ZUECI_ERROR_INVALID_ARGS;
    }
    while (at < src_len) {
        const int start = at;
        const long cp = next_utf8(src, src_len, &at);
        if (cp < 0) {
            return ZUECI_ERROR_INVALID_UTF8;
        }
        if (eci == ECI_UTF8) {
            for (int i = start; i < at; i++) {
                dest[out++] = src[i];
            }
        } else if (cp < 0x80 || (cp <= 0xFF && is_byte_per_codepoint(eci))) {
            dest[out++] = (unsigned char) cp;
        } else {
            return ZUECI_ERROR_INVALID_DATA;
        }
    }
    *p_dest_len = out;
    return 0;
}
