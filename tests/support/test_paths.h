// The absolute paths the tests use: the aduan binary, the test tools and the data sets. They
// are defined in one file CMake writes into the build folder (test_paths.cpp, see
// tests/CMakeLists.txt), not in the compiler's flags, so that no other test source depends on
// where the checkout is and ccache (tools/test) reuses their objects from a clone in any
// folder. The macros keep the names the tests have always used.
#pragma once

namespace aduan::testing::paths {

extern const char* const kAduanBin;
extern const char* const kSmtpSink;
extern const char* const kCheckMetrics;
extern const char* const kCheckOpen311Xml;
extern const char* const kCheckResponses;
extern const char* const kOpenApiDocument;
extern const char* const kSchemaFile;
extern const char* const kPgBaseline;
extern const char* const kVectors;
extern const char* const kSimilarityPairs;
extern const char* const kSimilaritySets;  // the folder of the labelled pairs
extern const char* const kCategoryTraining;
extern const char* const kCategoryHeldout;

}  // namespace aduan::testing::paths

#define ADUAN_BIN ::aduan::testing::paths::kAduanBin
#define ADUAN_SMTP_SINK ::aduan::testing::paths::kSmtpSink
#define ADUAN_CHECK_METRICS ::aduan::testing::paths::kCheckMetrics
#define ADUAN_CHECK_OPEN311_XML ::aduan::testing::paths::kCheckOpen311Xml
#define ADUAN_CHECK_RESPONSES ::aduan::testing::paths::kCheckResponses
#define ADUAN_OPENAPI_DOCUMENT ::aduan::testing::paths::kOpenApiDocument
#define ADUAN_SCHEMA_FILE ::aduan::testing::paths::kSchemaFile
#define ADUAN_PG_BASELINE ::aduan::testing::paths::kPgBaseline
#define ADUAN_VECTORS ::aduan::testing::paths::kVectors
#define ADUAN_SIMILARITY_PAIRS ::aduan::testing::paths::kSimilarityPairs
#define ADUAN_SIMILARITY_SETS ::aduan::testing::paths::kSimilaritySets
#define ADUAN_CATEGORY_TRAINING ::aduan::testing::paths::kCategoryTraining
#define ADUAN_CATEGORY_HELDOUT ::aduan::testing::paths::kCategoryHeldout
