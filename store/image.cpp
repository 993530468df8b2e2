#include "store/image.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/error.h"

namespace relgraph::store {
namespace {

constexpr char kMagicV1[8] = {'R', 'G', 'T', 'O', 'P', 'O', '0', '1'};
constexpr char kMagicV2[8] = {'R', 'G', 'T', 'O', 'P', 'O', '0', '2'};
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr uint32_t kHasWeights = 1;       // f64 weight[m]
constexpr uint32_t kWeightCodes = 2;      // u32 k, f64 table[k], u16 code[m]
constexpr size_t kMaxWeightCodes = 65536;

template <typename T>
void Put(std::string& out, const T* values, size_t count) {
  if (count > 0) out.append(reinterpret_cast<const char*>(values), count * sizeof(T));  // empty vectors' data() may be null
}
void PutU32(std::string& out, uint32_t value) { Put(out, &value, 1); }

// The bytes of an image, from a string (Decode*) or read piece by piece from where they are
// kept (ReadGroupedImage: a BLOB handle), each piece straight into its destination.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes), size_(bytes.size()) {}
  Reader(size_t size, const ImageSource& source) : size_(size), source_(&source) {}
  template <typename T>
  void Get(T* values, size_t count) {
    if (count > (size_ - at_) / sizeof(T)) Fail("it ends early");
    if (count == 0) return;  // values may be the null data() of an empty vector
    if (source_ != nullptr) {
      (*source_)(at_, count * sizeof(T), values);
    } else {
      std::memcpy(values, bytes_.data() + at_, count * sizeof(T));
    }
    at_ += count * sizeof(T);
  }
  uint32_t U32() {
    uint32_t value;
    Get(&value, 1);
    return value;
  }
  // Valid until the next call.
  std::string_view Bytes(size_t count) {
    if (count > size_ - at_) Fail("it ends early");
    std::string_view view;
    if (source_ != nullptr) {
      scratch_.resize(count);
      if (count > 0) (*source_)(at_, count, scratch_.data());
      view = scratch_;
    } else {
      view = bytes_.substr(at_, count);
    }
    at_ += count;
    return view;
  }
  void Align8() { at_ = std::min(size_, (at_ + 7) & ~size_t{7}); }
  bool AtEnd() const { return at_ == size_; }
  size_t size() const { return size_; }
  [[noreturn]] static void Fail(const std::string& why) { throw Error(ErrorKind::kStorage, "damaged graph image: " + why); }

 private:
  std::string_view bytes_;
  size_t size_ = 0;
  const ImageSource* source_ = nullptr;
  std::string scratch_;
  size_t at_ = 0;
};

void PutHeader(std::string& out, const char* magic, const Schema& schema, const std::vector<std::string>& ids, size_t m) {
  const auto& types = schema.relation_types();  // only counted here: PutTypesAndIds writes them
  out.append(magic, 8);
  PutU32(out, kByteOrderMark);
  PutU32(out, static_cast<uint32_t>(ids.size()));
  PutU32(out, static_cast<uint32_t>(m));
  PutU32(out, static_cast<uint32_t>(types.size()));
}

void PutTypesAndIds(std::string& out, const Schema& schema, const std::vector<std::string>& ids) {
  for (const RelationType& type : schema.relation_types()) {
    PutU32(out, static_cast<uint32_t>(type.name.size()));
    out += type.name;
  }
  uint32_t offset = 0;
  PutU32(out, offset);
  for (const std::string& id : ids) PutU32(out, offset += static_cast<uint32_t>(id.size()));
  for (const std::string& id : ids) out += id;
}

size_t IdBytes(const std::vector<std::string>& ids) {
  size_t bytes = 0;
  for (const std::string& id : ids) bytes += id.size();
  return bytes;
}

// What both formats start with, read and checked: the counts, the type codes mapped to the
// reader's schema, and the entity ids.
struct Header {
  int version = 0;
  uint32_t n = 0, m = 0, flags = 0;
  std::vector<uint8_t> code_map;  // image code -> schema position
  RawVector<uint32_t> id_offsets;  // entity i: id_bytes[id_offsets[i], id_offsets[i + 1])
  RawVector<char> id_bytes;
  std::vector<std::string> EntityIds() const {
    std::vector<std::string> ids;
    ids.reserve(n);
    for (uint32_t i = 0; i < n; ++i) ids.emplace_back(id_bytes.data() + id_offsets[i], id_offsets[i + 1] - id_offsets[i]);
    return ids;
  }
};

Header ReadHeader(Reader& in, const Schema& schema) {
  Header header;
  std::string_view magic = in.Bytes(8);
  if (magic == std::string_view(kMagicV2, 8)) {
    header.version = 2;
  } else if (magic == std::string_view(kMagicV1, 8)) {
    header.version = 1;
  } else {
    Reader::Fail("unknown format");
  }
  if (in.U32() != kByteOrderMark) Reader::Fail("written on a machine of another byte order");
  header.n = in.U32(), header.m = in.U32();
  uint32_t type_count = in.U32();
  if (header.version == 2) {
    header.flags = in.U32();
    if ((header.flags & ~(kHasWeights | kWeightCodes)) != 0 || header.flags == (kHasWeights | kWeightCodes)) {
      Reader::Fail("unknown flags");
    }
  }
  if (type_count > 255) Reader::Fail("too many relation types");
  header.code_map.resize(type_count);
  const auto& types = schema.relation_types();
  for (uint32_t t = 0; t < type_count; ++t) {
    std::string_view name = in.Bytes(in.U32());
    size_t position = 0;
    while (position < types.size() && types[position].name != name) ++position;
    if (position == types.size()) Reader::Fail("relation type '" + std::string(name) + "' is not in the store's vocabulary");
    header.code_map[t] = static_cast<uint8_t>(position);
  }
  // Each entity takes at least 4 bytes (8 in the second format), each relation at least 17
  // (5): larger counts cannot fit, and are refused before anything is sized by them.
  size_t per_entity = header.version == 2 ? 8 : 4, per_relation = header.version == 2 ? 5 : 17;
  if (header.n > in.size() / per_entity || header.m > in.size() / per_relation) Reader::Fail("its counts exceed its size");
  RawVector<uint32_t>& offsets = header.id_offsets;
  offsets.resize(size_t{header.n} + 1);
  in.Get(offsets.data(), offsets.size());
  if (offsets[0] != 0) Reader::Fail("bad id offsets");
  header.id_bytes.resize(offsets[header.n]);
  in.Get(header.id_bytes.data(), header.id_bytes.size());
  const std::string_view ids(header.id_bytes.data(), header.id_bytes.size());
  std::string_view previous;
  for (uint32_t i = 0; i < header.n; ++i) {
    if (offsets[i + 1] < offsets[i] || offsets[i + 1] > offsets[header.n]) Reader::Fail("bad id offsets");
    std::string_view id = ids.substr(offsets[i], offsets[i + 1] - offsets[i]);
    if (i > 0 && !(previous < id)) Reader::Fail("entity ids out of order");
    previous = id;
  }
  return header;
}

// Checks ends, type codes (mapping them to schema positions) and weights of decoded relations.
template <typename Targets, typename Types, typename Weights>
void CheckRelations(uint32_t n, const std::vector<uint8_t>& code_map, const Targets& target, Types& type, const Weights& weight) {
  const size_t type_count = code_map.size();
  for (uint32_t t : target) {
    if (t >= n) Reader::Fail("a relation names an entity out of range");
  }
  for (uint8_t& code : type) {
    if (code >= type_count) Reader::Fail("a relation has an unknown type code");
    code = code_map[code];
  }
  for (double w : weight) {
    if (!(w > 0) || !std::isfinite(w)) Reader::Fail("a relation weight is not > 0");
  }
}

Topology DecodeV1(Reader& in, Header&& header) {
  const uint32_t m = header.m;
  Topology topology;
  topology.entity_ids = header.EntityIds();
  topology.source.resize(m);
  topology.target.resize(m);
  topology.type.resize(m);
  topology.weight.resize(m);
  in.Get(topology.source.data(), m);
  in.Get(topology.target.data(), m);
  in.Get(topology.type.data(), m);
  in.Align8();
  in.Get(topology.weight.data(), m);
  if (!in.AtEnd()) Reader::Fail("trailing bytes");
  for (uint32_t s : topology.source) {
    if (s >= header.n) Reader::Fail("a relation names an entity out of range");
  }
  CheckRelations(header.n, header.code_map, topology.target, topology.type, topology.weight);
  return topology;
}

// With keep_codes (ReadGroupedImage's form), coded weights stay coded (weight_table,
// weight_code) instead of being expanded to one double per relation, and ids stay in one arena
// (id_offsets, id_bytes) instead of one string each.
GroupedTopology DecodeV2(Reader& in, Header&& header, bool keep_codes) {
  const uint32_t n = header.n, m = header.m;
  GroupedTopology grouped;
  if (keep_codes) {
    grouped.id_offsets = std::move(header.id_offsets);
    grouped.id_bytes = std::move(header.id_bytes);
  } else {
    grouped.entity_ids = header.EntityIds();
  }
  grouped.out_offsets.resize(size_t{n} + 1);
  in.Get(grouped.out_offsets.data(), grouped.out_offsets.size());
  if (grouped.out_offsets[0] != 0 || grouped.out_offsets[n] != m) Reader::Fail("bad relation offsets");
  for (uint32_t u = 0; u < n; ++u) {
    if (grouped.out_offsets[u + 1] < grouped.out_offsets[u]) Reader::Fail("bad relation offsets");
  }
  grouped.target.resize(m);
  grouped.type.resize(m);
  in.Get(grouped.target.data(), m);
  in.Get(grouped.type.data(), m);
  if (header.flags & kHasWeights) {
    grouped.weight.resize(m);
    in.Get(grouped.weight.data(), m);
  } else if (header.flags & kWeightCodes) {
    uint32_t k = in.U32();
    if (k == 0 || k > kMaxWeightCodes) Reader::Fail("bad weight table");
    std::vector<double> table(k);
    in.Get(table.data(), k);
    RawVector<uint16_t> codes(m);
    in.Get(codes.data(), m);
    // Each code is checked here; the weights (> 0, finite) below, or in the table when kept.
    uint16_t largest = 0;
    for (uint16_t code : codes) largest = std::max(largest, code);
    if (largest >= k) Reader::Fail("a relation has an unknown weight code");
    if (keep_codes) {
      for (double w : table) {
        if (!(w > 0) || !std::isfinite(w)) Reader::Fail("a relation weight is not > 0");
      }
      grouped.weight_table = std::move(table);
      grouped.weight_code = std::move(codes);
    } else {
      grouped.weight.resize(m);
      for (uint32_t r = 0; r < m; ++r) grouped.weight[r] = table[codes[r]];
    }
  }
  if (!in.AtEnd()) Reader::Fail("trailing bytes");
  CheckRelations(n, header.code_map, grouped.target, grouped.type, grouped.weight);
  return grouped;
}

}  // namespace

std::string EncodeImage(const Topology& topology, const Schema& schema) {
  const size_t n = topology.entity_ids.size(), m = topology.relation_count();
  std::string out;
  if (!std::is_sorted(topology.source.begin(), topology.source.end())) {
    out.reserve(64 + 4 * (n + 1) + IdBytes(topology.entity_ids) + m * 17 + 8);
    PutHeader(out, kMagicV1, schema, topology.entity_ids, m);
    PutTypesAndIds(out, schema, topology.entity_ids);
    Put(out, topology.source.data(), m);
    Put(out, topology.target.data(), m);
    Put(out, topology.type.data(), m);
    out.resize((out.size() + 7) & ~size_t{7}, '\0');
    Put(out, topology.weight.data(), m);
    return out;
  }
  const bool weighted = std::any_of(topology.weight.begin(), topology.weight.end(), [](double w) { return w != 1.0; });
  // Weights by code into a table of the distinct values when there are few (CSV weights
  // usually have two decimals), else as they are.
  std::vector<double> table;
  if (weighted) {
    table = topology.weight;
    std::sort(table.begin(), table.end());
    table.erase(std::unique(table.begin(), table.end()), table.end());
    if (table.size() > kMaxWeightCodes || table.size() * 8 + m * 2 >= m * 8) table.clear();  // codes would not be smaller
  }
  const uint32_t flags = !weighted ? 0 : table.empty() ? kHasWeights : kWeightCodes;
  out.reserve(64 + 8 * (n + 1) + IdBytes(topology.entity_ids) + m * 13);
  PutHeader(out, kMagicV2, schema, topology.entity_ids, m);
  PutU32(out, flags);
  PutTypesAndIds(out, schema, topology.entity_ids);
  // out_offsets from the sorted sources: offsets[u] = first relation whose source is >= u.
  size_t r = 0;
  for (size_t u = 0; u <= n; ++u) {
    while (r < m && topology.source[r] < u) ++r;
    PutU32(out, static_cast<uint32_t>(r));
  }
  Put(out, topology.target.data(), m);
  Put(out, topology.type.data(), m);
  if (flags == kHasWeights) {
    Put(out, topology.weight.data(), m);
  } else if (flags == kWeightCodes) {
    PutU32(out, static_cast<uint32_t>(table.size()));
    Put(out, table.data(), table.size());
    std::vector<uint16_t> codes(m);
    for (size_t r = 0; r < m; ++r) {
      codes[r] = static_cast<uint16_t>(std::lower_bound(table.begin(), table.end(), topology.weight[r]) - table.begin());
    }
    Put(out, codes.data(), m);
  }
  return out;
}

Topology DecodeImage(std::string_view bytes, const Schema& schema) {
  Reader in(bytes);
  Header header = ReadHeader(in, schema);
  if (header.version == 1) return DecodeV1(in, std::move(header));
  return Ungroup(DecodeV2(in, std::move(header), /*keep_codes=*/false));
}

GroupedTopology DecodeGroupedImage(std::string_view bytes, const Schema& schema) {
  Reader in(bytes);
  Header header = ReadHeader(in, schema);
  if (header.version == 1) return GroupBySource(DecodeV1(in, std::move(header)));
  return DecodeV2(in, std::move(header), /*keep_codes=*/false);
}

GroupedTopology ReadGroupedImage(size_t size, const ImageSource& read, const Schema& schema) {
  Reader in(size, read);
  Header header = ReadHeader(in, schema);
  if (header.version == 1) {
    // The former format: read whole, then grouped (it keeps sources, not offsets).
    std::string bytes(size, '\0');
    if (size > 0) read(0, size, bytes.data());
    return DecodeGroupedImage(bytes, schema);
  }
  return DecodeV2(in, std::move(header), /*keep_codes=*/true);
}

bool ImageMatches(std::string_view bytes, const Topology& topology, const Schema& schema) {
  if (bytes == std::string_view(EncodeImage(topology, schema))) return true;
  if (bytes.substr(0, 8) != std::string_view(kMagicV1, 8)) return false;
  try {
    Topology decoded = DecodeImage(bytes, schema);
    return decoded.entity_ids == topology.entity_ids && decoded.source == topology.source &&
           decoded.target == topology.target && decoded.type == topology.type && decoded.weight == topology.weight;
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::kStorage) throw;
    return false;
  }
}

GroupedTopology GroupBySource(Topology&& topology) {
  const size_t n = topology.entity_ids.size();
  if (!std::is_sorted(topology.source.begin(), topology.source.end())) Reader::Fail("relations are not grouped by source");
  GroupedTopology grouped;
  grouped.out_offsets.assign(n + 1, 0);
  for (uint32_t s : topology.source) {
    if (s >= n) Reader::Fail("a relation names an entity out of range");
    ++grouped.out_offsets[s + 1];
  }
  for (size_t u = 0; u < n; ++u) grouped.out_offsets[u + 1] += grouped.out_offsets[u];
  grouped.entity_ids = std::move(topology.entity_ids);
  grouped.target.assign(topology.target.begin(), topology.target.end());
  grouped.type.assign(topology.type.begin(), topology.type.end());
  if (std::any_of(topology.weight.begin(), topology.weight.end(), [](double w) { return w != 1.0; })) {
    grouped.weight.assign(topology.weight.begin(), topology.weight.end());
  }
  return grouped;
}

Topology Ungroup(GroupedTopology&& grouped) {
  const size_t n = grouped.entity_count(), m = grouped.relation_count();
  Topology topology;
  topology.source.resize(m);
  for (size_t u = 0; u < n; ++u) {
    std::fill(topology.source.begin() + grouped.out_offsets[u], topology.source.begin() + grouped.out_offsets[u + 1],
              static_cast<uint32_t>(u));
  }
  topology.entity_ids = std::move(grouped.entity_ids);
  if (!grouped.id_offsets.empty()) {
    for (size_t i = 0; i + 1 < grouped.id_offsets.size(); ++i) {
      topology.entity_ids.emplace_back(grouped.id_bytes.data() + grouped.id_offsets[i], grouped.id_offsets[i + 1] - grouped.id_offsets[i]);
    }
  }
  topology.target.assign(grouped.target.begin(), grouped.target.end());
  topology.type.assign(grouped.type.begin(), grouped.type.end());
  if (!grouped.weight_code.empty()) {
    topology.weight.resize(m);
    for (size_t r = 0; r < m; ++r) topology.weight[r] = grouped.weight_table[grouped.weight_code[r]];
  } else if (grouped.weight.empty()) {
    topology.weight.assign(m, 1.0);
  } else {
    topology.weight.assign(grouped.weight.begin(), grouped.weight.end());
  }
  return topology;
}

}  // namespace relgraph::store
