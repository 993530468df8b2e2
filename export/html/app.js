// relgraph's interactive view, for `relgraph export html` (the graph is embedded in the page)
// and `relgraph serve` (the page starts empty and asks the server's JSON API).
// Every string that comes from the store is shown with textContent or as a cytoscape label
// (drawn on a canvas): nothing of it is ever parsed as HTML. Links are made only from http(s)
// URLs, through the URL parser.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('relgraph-config').textContent);
  var data = JSON.parse(document.getElementById('relgraph-data').textContent);
  var served = config.mode === 'serve';
  var MAX_NEW_NEIGHBOURS = 150;  // a click on a hub adds at most this many of its neighbours
  var NEIGHBOUR_LIMIT = 2000;    // what one expansion may ask the server for

  // ---- small helpers ----

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function status(text, isError) {
    var node = document.getElementById('status');
    node.textContent = text || '';
    node.className = isError ? 'error' : '';
  }
  // As the command line compares names: NFKC, case folded, white space collapsed.
  function matchKey(text) {
    return String(text).normalize('NFKC').toLowerCase().replace(/\u00df/g, 'ss').replace(/\u03c2/g, '\u03c3')
      .normalize('NFKC').replace(/\s+/g, ' ').trim();
  }
  // A link only for http(s) URLs; anything else (javascript:, data:, ...) stays plain text.
  function safeLink(url, label) {
    var parsed = null;
    try { parsed = new URL(String(url)); } catch (e) { parsed = null; }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', label || url);
    var a = el('a', label || url);
    a.href = parsed.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // ---- colours, shapes, labels ----

  var KIND_STYLE = {
    company: ['#4e79a7', 'ellipse'], university: ['#59a14f', 'round-rectangle'],
    research_institute: ['#76b7b2', 'hexagon'], government: ['#e15759', 'diamond'],
    investor: ['#f28e2b', 'round-triangle'], person: ['#edc948', 'ellipse'],
    product: ['#b07aa1', 'round-tag'], consortium: ['#ff9da7', 'octagon'], organization: ['#9c755f', 'barrel']
  };
  var RELATION_COLOR = {
    invests_in: '#2563eb', acquires: '#7c3aed', backs: '#0891b2', partners_with: '#16a34a',
    competes_with: '#dc2626', develops: '#ca8a04', founded: '#9333ea', member_of: '#64748b',
    part_of: '#475569', works_at: '#d97706', supplies: '#0d9488'
  };
  var SPARE = ['#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#1f77b4'];
  function spare(name) {
    var h = 0;
    for (var i = 0; i < name.length; ++i) h = (h * 31 + name.charCodeAt(i)) >>> 0;
    return SPARE[h % SPARE.length];
  }
  function kindColor(kind) { return KIND_STYLE[kind] ? KIND_STYLE[kind][0] : (kind ? spare(kind) : '#c0c6cc'); }
  function kindShape(kind) { return KIND_STYLE[kind] ? KIND_STYLE[kind][1] : 'ellipse'; }
  function relationColor(type) { return RELATION_COLOR[type] || spare(type); }
  var TYPES = {};
  (config.relation_types || []).forEach(function (t) { TYPES[t.name] = t; });
  function verb(type) { return TYPES[type] ? TYPES[type].verb : type.replace(/_/g, ' '); }
  function symmetric(type) { return !!(TYPES[type] && TYPES[type].symmetric); }

  var HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
  var KANA = /[\u3040-\u30ff]/;
  // The name, and below it the name in Hangul, Hanzi or kana from the aliases when the name
  // has none of those letters (as the SVG diagrams do).
  function nodeLabel(entity) {
    var name = entity.name || entity.id;
    if (HANGUL.test(name) || HAN.test(name) || KANA.test(name)) return name;
    var aliases = entity.aliases || [];
    var script = entity.country === 'CN' || entity.country === 'TW' || entity.country === 'HK' ? HAN
      : entity.country === 'JP' ? KANA : HANGUL;
    var native = aliases.filter(function (a) { return script.test(a); })[0] ||
      aliases.filter(function (a) { return HANGUL.test(a) || HAN.test(a); })[0];
    return native ? name + '\n' + native : name;
  }

  // ---- the graph we know (all of it for a file, what was fetched when served) ----

  var entities = {};   // id -> entity
  var relations = {};  // edge id -> {source, target, type, date, weight, evidence}
  var documents = {};  // id -> document
  var scores = config.scores || null;
  var highlight = {};
  (config.highlight || []).forEach(function (id) { highlight[id] = true; });

  function edgeId(source, type, target) { return 'r\u0001' + source + '\u0001' + type + '\u0001' + target; }

  (data.documents || []).forEach(function (d) { documents[d.id] = d; });
  (data.entities || []).forEach(function (e) { entities[e.id] = e; });
  (data.relations || []).forEach(function (r) {
    relations[edgeId(r.source, r.type, r.target)] = {
      source: r.source, target: r.target, type: r.type, date: r.date || '', weight: r.weight,
      evidence: (r.evidence || []).map(function (e) {
        var d = documents[e.document] || {};
        return { document: e.document, sentence: e.sentence, date: e.date || r.date || '', title: d.title, url: d.url };
      })
    };
  });

  // ---- drawing ----

  var maxScore = 0;
  if (scores) Object.keys(scores).forEach(function (id) { maxScore = Math.max(maxScore, scores[id]); });

  function nodeSize(id) {
    if (scores && maxScore > 0 && scores[id] !== undefined) return 16 + 44 * Math.sqrt(scores[id] / maxScore);
    return 22;
  }
  function nodeData(entity) {
    return {
      id: entity.id, label: nodeLabel(entity), kind: entity.kind || '',
      color: kindColor(entity.kind), shape: kindShape(entity.kind), size: nodeSize(entity.id)
    };
  }
  function edgeData(id, r) {
    return {
      id: id, source: r.source, target: r.target, type: r.type, label: verb(r.type),
      color: relationColor(r.type), arrow: symmetric(r.type) ? 'none' : 'triangle',
      line: r.type === 'competes_with' ? 'dashed' : 'solid'
    };
  }

  var cy = cytoscape({
    container: document.getElementById('graph'),
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'background-color': 'data(color)', 'shape': 'data(shape)',
        'width': 'data(size)', 'height': 'data(size)', 'font-size': 11, 'color': '#1f2933',
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': '140px',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': '1px',
        'border-width': 1, 'border-color': '#ffffff', 'min-zoomed-font-size': 10
      } },
      { selector: 'node.major', style: { 'min-zoomed-font-size': 0, 'z-index': 5 } },
      { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold' } },
      { selector: 'edge', style: {
        'width': 1.6, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'data(arrow)', 'arrow-scale': 0.9, 'curve-style': 'bezier',
        'line-style': 'data(line)', 'opacity': 0.75
      } },
      { selector: 'edge.path', style: { 'width': 4, 'opacity': 1 } },
      { selector: 'edge:selected, edge.focus', style: {
        'width': 3.5, 'opacity': 1, 'label': 'data(label)', 'font-size': 10, 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'color': '#1f2933'
      } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e11d48' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: '.filtered', style: { 'display': 'none' } }
    ]
  });

  function addEntity(entity) {
    var merged = Object.assign({}, entities[entity.id] || {});
    Object.keys(entity).forEach(function (k) {
      if (entity[k] !== undefined && entity[k] !== null && entity[k] !== '') merged[k] = entity[k];
    });
    entities[entity.id] = merged;
    var node = cy.getElementById(entity.id);
    var d = nodeData(entities[entity.id]);
    if (node.empty()) {
      node = cy.add({ group: 'nodes', data: d });
      if (highlight[entity.id]) node.addClass('highlight');
    } else {
      node.data(d);
    }
    return node;
  }
  function addRelation(r) {
    var id = edgeId(r.source, r.type, r.target);
    var known = relations[id];
    if (!known || (r.evidence && (!known.evidence || known.evidence.length < r.evidence.length))) relations[id] = r;
    if (cy.getElementById(id).empty() && !cy.getElementById(r.source).empty() && !cy.getElementById(r.target).empty()) {
      cy.add({ group: 'edges', data: edgeData(id, relations[id]) });
    }
    return id;
  }

  var layoutRunning = null;
  function layout(fit) {
    if (layoutRunning) layoutRunning.stop();
    markMajor();
    var shown = shownElements();
    var n = shown.nodes().length;
    var options = n > 1 ? {
      name: 'fcose', quality: n > 800 ? 'draft' : 'default', randomize: true, animate: false,
      nodeDimensionsIncludeLabels: n <= 60, idealEdgeLength: n > 60 ? 110 : 90, nodeRepulsion: n > 60 ? 30000 : 9000,
      nodeSeparation: 80, gravity: n > 60 ? 0.12 : 0.25,
      packComponents: true, fit: fit !== false, padding: 30
    } : { name: 'grid', fit: true, padding: 80 };
    layoutRunning = shown.layout(options);
    layoutRunning.run();
    layoutRunning = null;
    if (fit !== false && n <= 1) cy.fit(undefined, 80);
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
    scaleLabels();
  }

  // Labels stay readable without cluttering: in a small drawing every node is named; in a large
  // one the best-connected (or highest-scoring) nodes are, at a size that stays legible when
  // zoomed out, and the others once zoomed in.
  var MAJOR_LABELS = 16;
  function markMajor() {
    var nodes = cy.nodes();
    var weight = function (n) { return scores && scores[n.id()] !== undefined ? scores[n.id()] : n.degree(false); };
    var order = nodes.toArray().sort(function (a, b) { return weight(b) - weight(a); });
    var all = nodes.length <= 40;
    cy.batch(function () {
      order.forEach(function (n, i) { n.toggleClass('major', all || i < MAJOR_LABELS || !!highlight[n.id()]); });
    });
  }
  function scaleLabels() {
    var zoom = cy.zoom();
    var size = zoom < 1 ? Math.min(12 / zoom, 36) : 11;
    cy.style().selector('node.major').style({ 'font-size': size, 'text-max-width': (140 * size / 11) + 'px' }).update();
  }
  cy.on('zoom', function () { scaleLabels(); });

  // ---- legend and filters ----

  var hiddenKinds = {}, hiddenTypes = {};
  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) { n.toggleClass('filtered', !!hiddenKinds[n.data('kind') || 'unknown']); });
      cy.edges().forEach(function (e) { e.toggleClass('filtered', !!hiddenTypes[e.data('type')]); });
    });
    updateCounts();
  }
  function legendItem(list, name, swatch, hidden, count) {
    var li = el('li');
    if (!count) li.className = 'empty';
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = !hidden[name];
    box.dataset.name = name;
    box.addEventListener('change', function () {
      if (box.checked) delete hidden[name]; else hidden[name] = true;
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el('span', name.replace(/_/g, ' ') + (count ? ' (' + count + ')' : '')));
    li.appendChild(label);
    list.appendChild(li);
  }
  function buildLegend() {
    var kinds = {}, types = {};
    cy.nodes().forEach(function (n) { var k = n.data('kind') || 'unknown'; kinds[k] = (kinds[k] || 0) + 1; });
    cy.edges().forEach(function (e) { types[e.data('type')] = (types[e.data('type')] || 0) + 1; });
    var kindList = document.getElementById('kind-filters'), typeList = document.getElementById('relation-filters');
    clear(kindList);
    clear(typeList);
    // Kinds and types present first; the others (greyed) only in a file, where the legend is fixed.
    var kindNames = Object.keys(kinds).sort();
    var typeNames = Object.keys(types).sort();
    kindNames.forEach(function (k) {
      var s = el('span', null, 'swatch');
      s.style.background = kindColor(k === 'unknown' ? '' : k);
      legendItem(kindList, k, s, hiddenKinds, kinds[k]);
    });
    typeNames.forEach(function (t) {
      var s = el('span', null, 'line' + (t === 'competes_with' ? ' dashed' : ''));
      s.style.borderTopColor = relationColor(t);
      legendItem(typeList, t, s, hiddenTypes, types[t]);
    });
    if (!kindNames.length) kindList.appendChild(el('li', served ? 'Search a name to start.' : 'Nothing selected.', 'hint'));
    updateCounts();
  }
  // What the filters leave (cytoscape's :visible follows only once the style is recomputed).
  function shownNodes() { return cy.nodes().filter(function (n) { return !hiddenKinds[n.data('kind') || 'unknown']; }); }
  function shownElements() {
    var nodes = shownNodes();
    var edges = cy.edges().filter(function (e) {
      return !hiddenTypes[e.data('type')] && !hiddenKinds[e.source().data('kind') || 'unknown'] &&
        !hiddenKinds[e.target().data('kind') || 'unknown'];
    });
    return nodes.union(edges);
  }
  function updateCounts() {
    var nodes = shownNodes().length, edges = shownElements().edges().length;
    document.getElementById('counts').textContent =
      nodes + (nodes === 1 ? ' entity, ' : ' entities, ') + edges + (edges === 1 ? ' relation shown' : ' relations shown');
  }

  // ---- details ----

  function relationSentence(r) {
    var s = entities[r.source] ? entities[r.source].name : r.source;
    var t = entities[r.target] ? entities[r.target].name : r.target;
    return s + ' ' + verb(r.type) + ' ' + t;
  }
  function evidenceBlock(list) {
    var box = el('div', null, 'evidence-list');
    if (!list || !list.length) box.appendChild(el('p', 'No evidence recorded.', 'hint'));
    (list || []).forEach(function (e) {
      var item = el('div', null, 'evidence');
      if (e.sentence) item.appendChild(el('div', '\u201c' + e.sentence + '\u201d', 'sentence'));
      var source = el('div', null, 'source');
      var title = e.title || e.document || '';
      if (e.url) source.appendChild(safeLink(e.url, title || e.url)); else source.appendChild(el('span', title));
      if (e.date) source.appendChild(el('span', ', ' + e.date));
      item.appendChild(source);
      box.appendChild(item);
    });
    return box;
  }
  function entityButton(id) {
    var b = el('button', entities[id] ? entities[id].name : id, 'linkish');
    b.type = 'button';
    b.addEventListener('click', function () { view.select(id); });
    return b;
  }
  function field(dl, name, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el('dt', name));
    dl.appendChild(el('dd', Array.isArray(value) ? value.join(', ') : value));
  }
  function showEntity(entity, relationList) {
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('h2', entity.name, 'name'));
    var dl = el('dl');
    field(dl, 'kind', (entity.kind || '').replace(/_/g, ' '));
    field(dl, 'country', entity.country);
    field(dl, 'id', entity.id);
    field(dl, 'aliases', entity.aliases);
    field(dl, 'about', entity.description);
    if (scores && scores[entity.id] !== undefined) field(dl, config.score_name || 'score', scores[entity.id].toPrecision(4));
    panel.appendChild(dl);
    if (served) panel.appendChild(expandForm(entity.id));
    panel.appendChild(el('h3', relationList.length + (relationList.length === 1 ? ' relation' : ' relations')));
    var ul = el('ul', null, 'relations');
    relationList.forEach(function (r) {
      var li = el('li');
      var line = el('div');
      line.appendChild(entityButton(r.source));
      line.appendChild(el('span', ' ' + verb(r.type) + ' '));
      line.appendChild(entityButton(r.target));
      if (r.date) line.appendChild(el('span', ' (' + r.date + ')', 'source'));
      li.appendChild(line);
      li.appendChild(evidenceBlock(r.evidence));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function showRelation(r) {
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('h2', relationSentence(r), 'name'));
    var dl = el('dl');
    field(dl, 'relation', r.type);
    field(dl, 'date', r.date);
    field(dl, 'weight', r.weight);
    panel.appendChild(dl);
    var ends = el('p');
    ends.appendChild(entityButton(r.source));
    ends.appendChild(el('span', ' \u2192 '));
    ends.appendChild(entityButton(r.target));
    panel.appendChild(ends);
    panel.appendChild(el('h3', 'Evidence'));
    panel.appendChild(evidenceBlock(r.evidence));
  }
  function localRelationsOf(id) {
    return Object.keys(relations).map(function (k) { return relations[k]; })
      .filter(function (r) { return r.source === id || r.target === id; });
  }
  function focusNode(id) {
    var node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    cy.edges().removeClass('focus');
    node.select();
    node.connectedEdges().addClass('focus');
    if (!node.visible()) return;
    var box = node.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(node);
  }

  // ---- search ----

  function localSearch(text) {
    var k = matchKey(text);
    if (!k) return [];
    return cy.nodes().map(function (n) { return n.id(); }).filter(function (id) {
      var e = entities[id] || { id: id };
      if (matchKey(e.id).indexOf(k) >= 0 || matchKey(e.name || '').indexOf(k) >= 0) return true;
      return (e.aliases || []).some(function (a) { return matchKey(a).indexOf(k) >= 0; });
    }).sort();
  }
  function showResults(items) {
    var list = document.getElementById('search-results');
    clear(list);
    items.forEach(function (item) {
      var li = el('li');
      li.appendChild(el('span', item.name));
      li.appendChild(el('span', (item.kind || '').replace(/_/g, ' '), 'kind'));
      li.addEventListener('mousedown', function (event) {
        event.preventDefault();
        list.hidden = true;
        view.select(item.id);
      });
      list.appendChild(li);
    });
    if (!items.length) list.appendChild(el('li', 'No match.', 'hint'));
    list.hidden = false;
  }

  // ---- the served app: data on demand ----

  var when = { snapshot: '', as_of: '' };
  function api(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null && params[k] !== '') query.set(k, params[k]);
    });
    if (when.snapshot) query.set('snapshot', when.snapshot);
    if (when.as_of) query.set('as_of', when.as_of);
    return fetch('api/' + path + '?' + query.toString(), { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.error ? body.error : response.status + ' ' + response.statusText);
        return body;
      });
    });
  }
  function fail(error) { status(String(error && error.message ? error.message : error), true); }

  // The entity answer (/api/entity) as what we know: the entity, its relations with evidence.
  function learnEntity(answer) {
    var entity = { id: answer.id, name: answer.name, kind: answer.kind, aliases: answer.aliases,
      country: answer.country, description: answer.description };
    entities[entity.id] = entity;
    var list = (answer.relations || []).map(function (r) {
      if (!entities[r.source]) entities[r.source] = { id: r.source, name: r.source_name };
      if (!entities[r.target]) entities[r.target] = { id: r.target, name: r.target_name };
      var relation = { source: r.source, target: r.target, type: r.relation, date: r.date, weight: r.weight, evidence: r.evidence };
      relations[edgeId(r.source, r.relation, r.target)] = relation;
      return relation;
    });
    return { entity: entity, relations: list };
  }
  var entityAnswers = {};
  function fetchEntity(id) {
    if (entityAnswers[id]) return Promise.resolve(entityAnswers[id]);
    return api('entity', { name: id }).then(function (answer) {
      var known = learnEntity(answer);
      entityAnswers[id] = known;
      return known;
    });
  }
  // Draws an entity with (up to MAX_NEW_NEIGHBOURS of) its direct relations.
  function drawEntity(known) {
    var before = cy.nodes().length;
    addEntity(known.entity);
    var added = 0, skipped = 0;
    known.relations.forEach(function (r) {
      var other = r.source === known.entity.id ? r.target : r.source;
      if (cy.getElementById(other).empty()) {
        if (added >= MAX_NEW_NEIGHBOURS) { skipped++; return; }
        addEntity(entities[other]);
        added++;
      }
      addRelation(r);
    });
    if (skipped) status(known.entity.name + ': ' + skipped + ' more neighbours not drawn; use Expand with a relation type to narrow.');
    return cy.nodes().length !== before;
  }
  function expandForm(id) {
    var form = el('form', null, 'tool');
    var depth = el('select');
    [1, 2, 3].forEach(function (d) { var o = el('option', d + (d === 1 ? ' hop' : ' hops')); o.value = d; depth.appendChild(o); });
    var direction = el('select');
    ['both', 'out', 'in'].forEach(function (d) { var o = el('option', d); o.value = d; direction.appendChild(o); });
    var type = el('select');
    var any = el('option', 'any relation');
    any.value = '';
    type.appendChild(any);
    (config.relation_types || []).forEach(function (t) { var o = el('option', t.name.replace(/_/g, ' ')); o.value = t.name; type.appendChild(o); });
    var button = el('button', 'Expand');
    button.type = 'submit';
    button.className = 'expand';
    [depth, direction, type, button].forEach(function (n) { form.appendChild(n); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      view.expand(id, { depth: depth.value, direction: direction.value, relation: type.value }).catch(fail);
    });
    return form;
  }

  // ---- the automation interface ----

  var view = {
    ready: false,
    entities: function () { return shownNodes().map(function (n) { return n.id(); }).sort(); },
    search: function (text) {
      if (!served) return localSearch(text);
      return api('search', { q: text, limit: 50 }).then(function (answer) {
        return answer.results.map(function (r) { return r.id; });
      });
    },
    select: function (id) {
      if (!served) {
        var entity = entities[id];
        if (!entity) { status('No entity ' + id + ' in this drawing.', true); return false; }
        showEntity(entity, localRelationsOf(id));
        focusNode(id);
        return true;
      }
      var fresh = cy.getElementById(id).empty();
      return fetchEntity(id).then(function (known) {
        var grew = cy.getElementById(known.entity.id).empty() ? drawEntity(known) : false;
        if (!grew) addEntity(known.entity);  // now with its aliases: the label gains its native name
        // The entity answer names its neighbours; their kinds come with its neighbourhood.
        if (grew && fresh) {
          api('neighbors', { name: known.entity.id, limit: MAX_NEW_NEIGHBOURS }).then(function (answer) {
            answer.neighbors.forEach(function (n) { if (!cy.getElementById(n.id).empty()) addEntity({ id: n.id, kind: n.kind }); });
            buildLegend();
          }).catch(fail);
        }
        if (grew) { buildLegend(); layout(true); }
        showEntity(known.entity, known.relations);
        focusNode(known.entity.id);
        status('');
        return true;
      }).catch(function (error) { fail(error); return false; });
    },
    // Served only: adds the neighbours of id (by depth, direction, relation type).
    expand: function (id, options) {
      options = options || {};
      return api('neighbors', { name: id, depth: options.depth || 1, direction: options.direction || 'both',
        relation: options.relation || '', limit: NEIGHBOUR_LIMIT }).then(function (answer) {
        if (cy.getElementById(answer.entity.id).empty()) addEntity(entities[answer.entity.id] || answer.entity);
        answer.neighbors.forEach(function (n) { addEntity({ id: n.id, name: n.name, kind: n.kind }); });
        answer.neighbors.forEach(function (n) {
          var via = n.via;
          addRelation(relations[edgeId(via.source, via.relation, via.target)] ||
            { source: via.source, target: via.target, type: via.relation, date: '', evidence: null });
        });
        buildLegend();
        layout(true);
        var note = answer.neighbors.length + ' neighbours of ' + answer.entity.name;
        if (answer.truncated) note += ' (the nearest ' + answer.truncated.shown + ' of ' + answer.truncated.total + ')';
        status(note);
        return answer.neighbors.map(function (n) { return n.id; });
      });
    },
    fit: function () { cy.fit(undefined, 30); }
  };

  function showEdge(edge) {
    var r = relations[edge.id()];
    if (!r) return;
    if (r.evidence || !served) { showRelation(r); return; }
    // Reached through a neighbourhood: the evidence comes with the source's entity answer.
    fetchEntity(r.source).then(function () { showRelation(relations[edge.id()] || r); }).catch(fail);
  }

  // ---- wiring ----

  cy.on('tap', 'node', function (event) { view.select(event.target.id()); });
  cy.on('tap', 'edge', function (event) {
    cy.edges().removeClass('focus');
    showEdge(event.target);
  });
  cy.on('mouseover', 'node', function (event) {
    var node = event.target;
    cy.elements().not(node.closedNeighborhood()).addClass('faded');
  });
  cy.on('mouseout', 'node', function () { cy.elements().removeClass('faded'); });
  document.getElementById('fit').addEventListener('click', function () { view.fit(); });
  document.getElementById('relayout').addEventListener('click', function () { layout(true); });

  var search = document.getElementById('search');
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    var text = search.value;
    if (!matchKey(text)) { document.getElementById('search-results').hidden = true; return; }
    timer = setTimeout(function () {
      if (!served) {
        showResults(localSearch(text).map(function (id) { return entities[id]; }));
        cy.elements().unselect();
        cy.nodes().filter(function (n) { return localSearch(text).indexOf(n.id()) >= 0; }).select();
        return;
      }
      api('search', { q: text, limit: 20 }).then(function (answer) {
        if (search.value === text) showResults(answer.results);
      }).catch(fail);
    }, served ? 200 : 60);
  });
  search.addEventListener('blur', function () { setTimeout(function () { document.getElementById('search-results').hidden = true; }, 150); });
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') document.getElementById('search-results').hidden = true;
    if (event.key === 'Enter') {
      var first = document.querySelector('#search-results li');
      if (first) first.dispatchEvent(new MouseEvent('mousedown'));
    }
  });

  function clearDrawing() {
    cy.elements().remove();
    entityAnswers = {};
    relations = {};
    highlight = {};
    buildLegend();
    clear(document.getElementById('details'));
    document.getElementById('details').appendChild(el('p', 'Search a name to start.', 'hint'));
  }

  function setupServed() {
    document.getElementById('served-tools').hidden = false;
    document.getElementById('clear').hidden = false;
    document.getElementById('clear').addEventListener('click', clearDrawing);
    document.getElementById('hint').textContent =
      'Search a name to start; click an entity for its relations and evidence, and Expand to grow the picture.';
    api('info').then(function (info) {
      status(info.entities + ' entities, ' + info.relations + ' relations in the store' +
        (when.snapshot ? ' (snapshot ' + when.snapshot + ')' : '') + (when.as_of ? ' as of ' + when.as_of : '') + '.');
    }).catch(fail);
    api('snapshots').then(function (answer) {
      var select = document.getElementById('snapshot');
      answer.snapshots.forEach(function (s) { var o = el('option', s.name); o.value = s.name; select.appendChild(o); });
    }).catch(fail);
    document.getElementById('path-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var from = document.getElementById('path-from').value, to = document.getElementById('path-to').value;
      api('path', { from: from, to: to, k: 3 }).then(function (answer) {
        highlight = {};
        highlight[answer.from.id] = true;
        highlight[answer.to.id] = true;
        cy.nodes().removeClass('highlight');
        cy.edges().removeClass('path');
        [answer.from, answer.to].forEach(function (e) { addEntity(entities[e.id] || e).addClass('highlight'); });
        var ids = {};
        answer.paths.forEach(function (p) {
          p.steps.forEach(function (s) {
            [s.source, s.target].forEach(function (id) { if (!cy.getElementById(id).empty()) ids[id] = true; });
            if (cy.getElementById(s.source).empty()) addEntity(entities[s.source] || { id: s.source, name: s.source });
            if (cy.getElementById(s.target).empty()) addEntity(entities[s.target] || { id: s.target, name: s.target });
            var source = s.forward ? s.source : s.target, target = s.forward ? s.target : s.source;
            var id = addRelation({ source: source, target: target, type: s.relation, date: s.date, weight: s.weight, evidence: s.evidence });
            cy.getElementById(id).addClass('path');
          });
        });
        // Names and kinds of the entities on the paths.
        var unknown = cy.nodes().filter(function (n) { return !n.data('kind'); }).map(function (n) { return n.id(); });
        return Promise.all(unknown.map(function (id) {
          return fetchEntity(id).then(function (known) { addEntity(known.entity); });
        })).then(function () {
          buildLegend();
          layout(true);
          status(answer.paths.length ? answer.paths.length + ' shortest path(s) from ' + answer.from.name + ' to ' + answer.to.name
            : 'No path from ' + answer.from.name + ' to ' + answer.to.name + '.');
        });
      }).catch(fail);
    });
    document.getElementById('top-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var measure = document.getElementById('top-measure').value;
      status('Computing ' + measure + '…');
      api('centrality', { measure: measure, top: 20 }).then(function (answer) {
        scores = {};
        answer.results.forEach(function (r) { scores[r.id] = r.score; });
        maxScore = answer.results.length ? answer.results[0].score : 0;
        config.score_name = measure;
        return Promise.all(answer.results.map(function (r) { return fetchEntity(r.id); })).then(function (all) {
          all.forEach(function (known) { addEntity(known.entity); });
          all.forEach(function (known) { known.relations.forEach(function (r) { addRelation(r); }); });
          buildLegend();
          layout(true);
          status('The 20 highest by ' + measure + ', sized by score.');
        });
      }).catch(fail);
    });
    document.getElementById('time-form').addEventListener('submit', function (event) {
      event.preventDefault();
      when.snapshot = document.getElementById('snapshot').value;
      when.as_of = document.getElementById('as-of').value.trim();
      clearDrawing();
      api('info').then(function (info) {
        status('Now reading ' + (when.snapshot ? 'snapshot ' + when.snapshot : 'the working graph') +
          (when.as_of ? ' as of ' + when.as_of : '') + ': ' + info.entities + ' entities, ' + info.relations + ' relations.');
      }).catch(fail);
    });
    document.getElementById('diff-button').addEventListener('click', function () {
      var a = document.getElementById('snapshot').value;
      if (!a) { status('Choose a snapshot to compare with the working graph.', true); return; }
      var saved = when.snapshot;
      when.snapshot = '';
      api('diff', { a: a }).then(showDiff).catch(fail);
      when.snapshot = saved;
    });
  }
  function showDiff(answer) {
    var panel = document.getElementById('details');
    clear(panel);
    panel.appendChild(el('h2', 'Changes from ' + answer.from + ' to ' + answer.to, 'name'));
    [['entities', 'added'], ['entities', 'removed'], ['entities', 'changed'],
      ['relations', 'added'], ['relations', 'removed'], ['relations', 'changed']].forEach(function (what) {
      var list = (answer[what[0]] || {})[what[1]] || [];
      panel.appendChild(el('h3', what[0] + ' ' + what[1] + ' (' + list.length + ')'));
      var ul = el('ul', null, 'relations');
      list.slice(0, 100).forEach(function (item) {
        var li = el('li');
        if (what[0] === 'entities') {
          li.appendChild(entityButton(item.id));
          if (!entities[item.id]) li.firstChild.textContent = item.name || item.id;
        } else {
          li.textContent = item.source + ' ' + verb(item.relation) + ' ' + item.target;
        }
        ul.appendChild(li);
      });
      if (list.length > 100) ul.appendChild(el('li', '… and ' + (list.length - 100) + ' more', 'hint'));
      panel.appendChild(ul);
    });
  }

  // ---- start ----

  document.getElementById('title').textContent = config.title || 'relgraph';
  cy.batch(function () {
    Object.keys(entities).forEach(function (id) { addEntity(entities[id]); });
    Object.keys(relations).forEach(function (id) {
      addRelation(relations[id]);
      if (config.path) cy.getElementById(id).addClass('path');
    });
  });
  buildLegend();
  layout(true);
  if (served) setupServed();
  view.ready = true;
  window.relgraphView = view;
})();
