# Refuses an include in server/ that goes against the layers (cmake -P, run before the
# server's libraries are compiled; server/CMakeLists.txt). A file's layer is its first folder
# under server/; it may include the core ("shared/...") and the layers listed for it below,
# always by path. There is no list of exceptions: a breach is fixed where it is made.
cmake_minimum_required(VERSION 3.20)

# What each layer may include, besides itself and the core.
set(allowed_base "")
set(allowed_model base)
set(allowed_formats model base)
set(allowed_store model formats base)
set(allowed_notify store model formats base)
set(allowed_services notify store model formats base)
set(allowed_http services model formats base)
set(allowed_app http services notify store model formats base)
set(layers base model formats store notify services http app)
# The layer that may name the storage engine. Above it a connection is a Db and a unit of
# work a Transaction (store/db.h), a fault a StorageError (base/storage_error.h); the
# store's own headers that show the engine are its alone.
set(engine_layers store)
set(engine_headers store/db_engine.h store/prepared.h store/sqlite_db.h store/postgresql_db.h
    store/dialect.h)
# What the headers of the layers the routes reach through (services, and notify under them)
# may show of the store: the routes include those headers, so a repository named there would
# reach the routes. The rest of the store is included by their .cpp files.
set(store_face store/store.h store/db.h)
set(store_face_layers services notify)

set(errors "")

# Every file that C++ can include or compile, whatever its ending.
file(GLOB_RECURSE sources RELATIVE ${SERVER_DIR} ${SERVER_DIR}/*.h ${SERVER_DIR}/*.hpp
     ${SERVER_DIR}/*.cpp ${SERVER_DIR}/*.cc ${SERVER_DIR}/*.inc ${SERVER_DIR}/*.ipp)
foreach(source IN LISTS sources)
  string(REGEX MATCH "^[^/]+" layer "${source}")
  if(NOT layer IN_LIST layers)
    list(APPEND errors "server/${source}: not in a layer's folder (${layers})")
    continue()
  endif()
  if(NOT layer IN_LIST engine_layers)
    file(STRINGS ${SERVER_DIR}/${source} engine REGEX "^[ \t]*#[ \t]*include[ \t]*<(SQLiteCpp/|sqlite3|libpq)")
    if(engine)
      list(APPEND errors "server/${source}: the ${layer} layer may not name the storage engine (${engine})")
    endif()
  endif()
  # The server's own headers are included with quotes: one in angle brackets would pass
  # unchecked.
  file(STRINGS ${SERVER_DIR}/${source} bracketed REGEX "^[ \t]*#[ \t]*include[ \t]*<[^>]*>")
  foreach(line IN LISTS bracketed)
    string(REGEX REPLACE "^[^<]*<([^>]*)>.*" "\\1" path "${line}")
    string(REGEX MATCH "^[^/]+" target "${path}")
    if(target IN_LIST layers OR target STREQUAL "server" OR target STREQUAL "shared" OR
       target STREQUAL "tests")
      list(APPEND errors "server/${source}: include <${path}> with quotes, by its path")
    endif()
  endforeach()
  file(STRINGS ${SERVER_DIR}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[^\"]*\"([^\"]*)\".*" "\\1" path "${line}")
    string(REGEX MATCH "^[^/]+" target "${path}")
    if(path MATCHES "(^|/)\\.\\.(/|$)")
      list(APPEND errors "server/${source}: include \"${path}\" without \"..\"")
      continue()
    endif()
    if(path STREQUAL "matcher_digest.inc")
      continue()  # generated next to the build (server/CMakeLists.txt)
    endif()
    if(target STREQUAL "shared" OR target STREQUAL layer)
      continue()
    endif()
    if(NOT path MATCHES "/" OR NOT target IN_LIST layers)
      list(APPEND errors "server/${source}: include \"${path}\" by its path from server/ or as \"shared/...\"")
      continue()
    endif()
    if(path IN_LIST engine_headers AND NOT layer IN_LIST engine_layers)
      list(APPEND errors "server/${source}: the ${layer} layer may not include \"${path}\": it shows the storage engine (store/db.h is the store's face)")
      continue()
    endif()
    if(target STREQUAL "store" AND layer IN_LIST store_face_layers AND source MATCHES "\\.h$" AND
       NOT path IN_LIST store_face)
      list(APPEND errors "server/${source}: a ${layer} header may show the store only as store/store.h or store/db.h (the routes include it), not \"${path}\", which its .cpp includes")
      continue()
    endif()
    if(target IN_LIST allowed_${layer})
      continue()
    endif()
    list(APPEND errors "server/${source}: the ${layer} layer may not include \"${path}\" (${layer} may use: ${allowed_${layer}})")
  endforeach()
endforeach()

if(errors)
  list(JOIN errors "\n  " text)
  message(FATAL_ERROR "Layers broken:\n  ${text}")
endif()
file(TOUCH ${STAMP})
