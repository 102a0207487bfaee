#include "BlockBinarizer.h"

#include <algorithm>
#include <stdexcept>

namespace authcore::detail {

namespace {

constexpr int kBlock = 8;
constexpr int kRadius = 2;        // 5 x 5 blocks around each block
constexpr int kMinDynamicRange = 24; // below this a block is flat: all light or all dark

} // namespace

bool BlockBinarizer::binarizeInPlace(uint8_t* grey, int width, int height)
{
	// Callers hand smaller images to ZXing's own binarizer (which then thresholds them globally).
	if (width < kMinSide || height < kMinSide)
		throw std::invalid_argument("BlockBinarizer needs at least 40 x 40 pixels");
	const int bw = (width + kBlock - 1) / kBlock, bh = (height + kBlock - 1) / kBlock;
	const size_t blocks = size_t(bw) * size_t(bh);
	_min.assign(blocks, 255);
	_max.assign(blocks, 0);
	_raw.resize(blocks);
	_threshold.resize(blocks);
	_rowSum.resize(blocks);
	_rowCount.resize(blocks);

	// 1. Minimum and maximum per block. Like ZXing, the last block of a row (and of a column) that
	//    does not fill 8 pixels is moved back to end at the image's edge, overlapping its
	//    neighbour, so that every block sees 8 x 8 pixels.
	const int lastX = width - kBlock, lastY = height - kBlock;
	const int fullBlocks = width / kBlock; // blocks in their own place; one more, moved, if bw > fullBlocks
	auto scanBlock = [](const uint8_t* p, uint8_t& lo, uint8_t& hi) {
		for (int i = 0; i < kBlock; ++i) {
			lo = std::min(lo, p[i]);
			hi = std::max(hi, p[i]);
		}
	};
	auto scanRow = [&](const uint8_t* row, int blockRow) {
		uint8_t* mins = &_min[size_t(blockRow) * bw];
		uint8_t* maxs = &_max[size_t(blockRow) * bw];
		for (int b = 0; b < fullBlocks; ++b)
			scanBlock(row + b * kBlock, mins[b], maxs[b]);
		if (bw > fullBlocks)
			scanBlock(row + lastX, mins[bw - 1], maxs[bw - 1]);
	};
	for (int y = 0; y < height; ++y) {
		const uint8_t* row = grey + size_t(y) * width;
		int blockRow = std::min(y / kBlock, bh - 1);
		scanRow(row, blockRow);
		if (y >= lastY && blockRow != bh - 1)
			scanRow(row, bh - 1);
	}

	// 2. A threshold for every block with contrast, 0 for the flat ones.
	for (size_t i = 0; i < blocks; ++i)
		_raw[i] = _max[i] - _min[i] > kMinDynamicRange ? uint8_t((_max[i] + _min[i]) / 2) : 0;

	// 3. Smooth over 5 x 5 blocks, counting only blocks that have a threshold; the window is
	//    shifted inwards at the edges so that it always covers 5 x 5 blocks. Separable: first
	//    the horizontal sums, then the vertical ones.
	auto windowStart = [](int i, int n) { return n <= 2 * kRadius + 1 ? 0 : std::clamp(i - kRadius, 0, n - 2 * kRadius - 1); };
	for (int by = 0; by < bh; ++by)
		for (int bx = 0; bx < bw; ++bx) {
			int from = windowStart(bx, bw), to = std::min(bw, from + 2 * kRadius + 1);
			unsigned sum = 0, count = 0;
			for (int x = from; x < to; ++x) {
				uint8_t t = _raw[size_t(by) * bw + x];
				sum += t;
				count += t > 0;
			}
			_rowSum[size_t(by) * bw + bx] = uint16_t(sum);
			_rowCount[size_t(by) * bw + bx] = uint16_t(count);
		}
	bool any = false;
	for (int by = 0; by < bh; ++by) {
		int from = windowStart(by, bh), to = std::min(bh, from + 2 * kRadius + 1);
		for (int bx = 0; bx < bw; ++bx) {
			size_t at = size_t(by) * bw + bx;
			unsigned own = _raw[at];
			unsigned sum = 2 * own, count = own > 0 ? 2 : 0;
			for (int y = from; y < to; ++y) {
				sum += _rowSum[size_t(y) * bw + bx];
				count += _rowCount[size_t(y) * bw + bx];
			}
			_threshold[at] = count ? uint8_t(sum / count) : 0;
			any = any || count;
		}
	}
	if (!any) // no contrast anywhere: ZXing then thresholds the whole image at once
		return false;
	// Blocks far from any contrast take the next threshold in reading order (the last ones take
	// the last threshold), as ZXing's binarizer does.
	uint8_t next = *std::find_if(_threshold.rbegin(), _threshold.rend(), [](uint8_t t) { return t > 0; });
	for (auto t = _threshold.rbegin(); t != _threshold.rend(); ++t)
		*t = *t ? (next = *t) : next;

	// 4. Black (0) where the grey is at or below its block's threshold; a pixel in an overlap takes
	//    the threshold of the block moved back over it, as in ZXing.
	const int ownEnd = bw > fullBlocks ? lastX : width; // where the moved last block takes over
	const int ownBlocks = ownEnd / kBlock;                // whole blocks before that
	for (int y = 0; y < height; ++y) {
		uint8_t* row = grey + size_t(y) * width;
		const uint8_t* thresholds = &_threshold[size_t(y >= lastY ? bh - 1 : y / kBlock) * bw];
		for (int b = 0; b < ownBlocks; ++b) {
			const uint8_t t = thresholds[b];
			uint8_t* p = row + b * kBlock;
			for (int i = 0; i < kBlock; ++i)
				p[i] = p[i] <= t ? 0 : 255;
		}
		for (int x = ownBlocks * kBlock; x < ownEnd; ++x)
			row[x] = row[x] <= thresholds[ownBlocks] ? 0 : 255;
		for (int x = ownEnd; x < width; ++x)
			row[x] = row[x] <= thresholds[bw - 1] ? 0 : 255;
	}
	return true;
}

} // namespace authcore::detail
