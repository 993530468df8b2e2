// The CLI's graph view is the engine's Csr (query/csr.h): one structure for every question.
// This header only forwards there, so that code written before the two were one (it includes
// "query/view.h" and names query::GraphView, an alias of query::Csr) merges and compiles
// unchanged; new code includes query/csr.h. Delete it once nothing includes it.
#pragma once

#include "query/csr.h"
