// Every image of ../shared/data/qr (zxing-cpp's black-box samples: clean renders, photographs at
// angles, low contrast, damaged and inverted codes). Reports the count per folder and asserts that
// it never falls below what we read when the floor was set (a regression floor: how the count
// compares with other readers is measured by bench/qr.mjs, peers in the same run). NAME.txt holds the expected text; some images also have
// NAME.result.txt with "key=value" lines (symbologyIdentifier, ecLevel, isInverted) checked too.

#include "TestData.h"

#include "authcore/Error.h"
#include "authcore/qr/ImageFile.h"
#include "authcore/qr/QrDecoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace authcore;
namespace fs = std::filesystem;

namespace {

struct Folder
{
	const char* name;
	int images;           // how many images the folder holds
	int stillFloor;       // read in still mode when the floor was set
	int liveFloor;        // read in live mode when the presets were chosen (docs/qr-scanning.md)
};

const Folder kFolders[] = {
	{"qrcode-1", 8, 8, 8},
	{"qrcode-2", 56, 54, 53},
	{"qrcode-3", 18, 18, 18},
	{"qrcode-4", 24, 17, 15},
	{"qrcode-5", 16, 16, 16},
};

std::string readFile(const fs::path& path)
{
	std::ifstream in(path, std::ios::binary);
	return {std::istreambuf_iterator<char>(in), {}};
}

std::map<std::string, std::string> readProperties(const fs::path& path)
{
	std::map<std::string, std::string> properties;
	std::ifstream in(path);
	std::string line;
	while (std::getline(in, line)) {
		if (!line.empty() && line.back() == '\r')
			line.pop_back();
		auto eq = line.find('=');
		if (eq != std::string::npos)
			properties[line.substr(0, eq)] = line.substr(eq + 1);
	}
	return properties;
}

std::vector<fs::path> imagesIn(const fs::path& folder)
{
	std::vector<fs::path> images;
	for (const auto& entry : fs::directory_iterator(folder)) {
		auto ext = entry.path().extension().string();
		if (ext == ".png" || ext == ".jpg")
			images.push_back(entry.path());
	}
	std::sort(images.begin(), images.end());
	return images;
}

fs::path sharedQrDir() { return test::sharedDataPath("qr"); }

// Reads one folder in one mode; every decoded text must be the expected one (a wrong read is a
// failure, not a miss).
int readFolder(const Folder& folder, ScanMode mode, std::vector<std::string>& missed)
{
	QrDecoder decoder;
	int read = 0;
	for (const auto& image : imagesIn(sharedQrDir() / folder.name)) {
		auto expected = readFile(fs::path(image).replace_extension(".txt"));
		auto rgba = readImageFile(image.string());
		try {
			auto code = decoder.decode(rgba.view(), mode);
			EXPECT_EQ(code.text, expected) << image;
			if (code.text != expected)
				continue;
			++read;
			auto resultFile = fs::path(image).replace_extension(".result.txt");
			if (fs::exists(resultFile))
				for (const auto& [key, value] : readProperties(resultFile)) {
					if (key == "symbologyIdentifier")
						EXPECT_EQ(code.symbologyIdentifier, value) << image;
					else if (key == "ecLevel")
						EXPECT_EQ(code.ecLevel, value) << image;
					else if (key == "isInverted")
						EXPECT_EQ(code.inverted, value == "true") << image;
					else
						ADD_FAILURE() << "unknown property " << key << " in " << resultFile;
				}
		} catch (const Error& e) {
			EXPECT_EQ(e.kind(), ErrorKind::NoCodeFound) << image << ": " << e.what();
			missed.push_back(image.filename().string());
		}
	}
	return read;
}

class SampleImages : public ::testing::TestWithParam<Folder>
{
protected:
	void SetUp() override
	{
		// CI always has shared/ beside the clone: missing data is a failure, not a skip.
		if (!fs::is_directory(sharedQrDir()))
			GTEST_FAIL() << "shared QR samples not found at " << sharedQrDir() << " (lay shared/ beside the clone)";
	}
};

std::string join(const std::vector<std::string>& names)
{
	std::string text;
	for (const auto& name : names)
		text += (text.empty() ? "" : " ") + name;
	return text;
}

} // namespace

TEST_P(SampleImages, StillModeKeepsItsMeasuredRate)
{
	const auto& folder = GetParam();
	ASSERT_EQ(int(imagesIn(sharedQrDir() / folder.name).size()), folder.images) << "the shared data changed";
	std::vector<std::string> missed;
	int read = readFolder(folder, ScanMode::Still, missed);
	std::cout << "[ still ] " << folder.name << ": " << read << "/" << folder.images << " (floor " << folder.stillFloor
			  << ")" << (missed.empty() ? "" : "; missed: " + join(missed)) << "\n";
	EXPECT_GE(read, folder.stillFloor);
}

TEST_P(SampleImages, LiveModeKeepsItsMeasuredRate)
{
	const auto& folder = GetParam();
	std::vector<std::string> missed;
	int read = readFolder(folder, ScanMode::Live, missed);
	std::cout << "[ live  ] " << folder.name << ": " << read << "/" << folder.images << " (floor " << folder.liveFloor << ")"
			  << (missed.empty() ? "" : "; missed: " + join(missed)) << "\n";
	EXPECT_GE(read, folder.liveFloor);
}

INSTANTIATE_TEST_SUITE_P(Qr, SampleImages, ::testing::ValuesIn(kFolders), [](const auto& info) {
	std::string name = info.param.name;
	std::replace(name.begin(), name.end(), '-', '_');
	return name;
});
