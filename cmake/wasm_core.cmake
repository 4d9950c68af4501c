# Builds wasm-client/ with Emscripten as a sub-build of this native build, so one
# `cmake --build` makes the binary with the WebAssembly core embedded in it.
find_program(ADUAN_EMCMAKE emcmake)
if(NOT ADUAN_EMCMAKE)
  message(FATAL_ERROR "emcmake not found: install Debian's 'emscripten' package "
                      "(tools/setup does) or configure with -DADUAN_WASM=OFF")
endif()

include(ExternalProject)
set(ADUAN_WASM_BUILD_DIR ${CMAKE_BINARY_DIR}/wasm)
set(ADUAN_WASM_OUTPUT_DIR ${ADUAN_WASM_BUILD_DIR}/wasm-client)
# Emscripten's optimising link runs node tools that need Debian's node modules.
set(ADUAN_EM_ENV ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)

ExternalProject_Add(aduan_wasm
  SOURCE_DIR ${CMAKE_SOURCE_DIR}
  BINARY_DIR ${ADUAN_WASM_BUILD_DIR}
  CONFIGURE_COMMAND ${ADUAN_EM_ENV} ${ADUAN_EMCMAKE} ${CMAKE_COMMAND} -S <SOURCE_DIR>
                    -B <BINARY_DIR> -DCMAKE_BUILD_TYPE=MinSizeRel
                    # Smallest code, and link-time optimisation so the core's unused parts
                    # (server-only functions of shared/) are dropped: 4 KB less gzipped.
                    "-DCMAKE_CXX_FLAGS_MINSIZEREL=-Oz -DNDEBUG -flto"
                    "-DCMAKE_EXE_LINKER_FLAGS=-Oz -flto"
  BUILD_COMMAND ${ADUAN_EM_ENV} ${CMAKE_COMMAND} --build <BINARY_DIR>
  INSTALL_COMMAND ""
  # The inner build is incremental; always ask it, so edits in shared/ reach the browser.
  BUILD_ALWAYS ON
  BUILD_BYPRODUCTS ${ADUAN_WASM_OUTPUT_DIR}/aduan_core.mjs ${ADUAN_WASM_OUTPUT_DIR}/aduan_core.wasm
  USES_TERMINAL_BUILD ON
)
set(ADUAN_WASM_FILES ${ADUAN_WASM_OUTPUT_DIR}/aduan_core.mjs ${ADUAN_WASM_OUTPUT_DIR}/aduan_core.wasm)
