#pragma once
// Black and white from grey with one threshold per 8x8 block, for the live camera loop.
//
// The idea is ZXing's own local binarizer (the "LocalAverage" one): a block whose pixels span more
// than 24 grey levels gets the threshold (min + max) / 2, the others none; each block then takes
// the average of the thresholds around it (5 x 5 blocks, its own counted three times), and blocks
// with no threshold near them inherit the last one in reading order. ZXing spends most of a 720p
// frame's decoding time there (about 85 %, measured); this version does the same work in fewer,
// simpler passes and writes the result over the grey image, which ZXing then only has to compare
// against 0 (Binarizer::BoolCast). Still images keep ZXing's own binarizer.

#include <botan/secmem.h>

#include <cstdint>
#include <vector>

namespace authcore::detail {

/// Below this width or height ZXing thresholds the whole image at once instead (5 blocks of 8).
inline constexpr int kMinSide = 40;

class BlockBinarizer
{
public:
	/// Replaces every pixel of the `width` x `height` grey image (row after row, no padding) by 0
	/// (black) or 255 (white), exactly as ZXing's LocalAverage binarizer would classify it. Keeps its
	/// block tables between calls. Both sides must be at least kMinSide. Returns false, leaving the
	/// image untouched, when no block has any contrast: ZXing then uses one global threshold, so
	/// the caller should hand the grey image to ZXing's binarizer instead.
	bool binarizeInPlace(uint8_t* grey, int width, int height);

private:
	std::vector<uint8_t> _min, _max, _raw, _threshold;
	std::vector<uint16_t> _rowSum, _rowCount;
};

} // namespace authcore::detail
