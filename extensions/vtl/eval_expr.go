package vtl

import (
	"strings"
)

// value is Node.value: what an expression or literal evaluates to.
func (r *renderer) value(n *node, c scope) any {
	r.node = n
	r.step()
	switch n.kind {
	case nReference:
		if !n.ref.computable {
			return nil
		}
		return r.execRef(n, c)
	case nString:
		si := n.str
		if !si.interpolate {
			return si.image
		}
		r.enter(n)
		var b strings.Builder
		r.render(si.tree, c, &b)
		r.leave()
		s := b.String()
		if !si.lineComment && len(s) > 0 {
			s = s[:len(s)-1]
		}
		return s
	case nInteger, nFloat:
		return n.value
	case nTrue:
		return true
	case nFalse:
		return false
	case nMap:
		m := newMap(mLinked)
		for i := 0; i+1 < len(n.kids); i += 2 {
			k := r.value(n.kids[i], c)
			v := r.value(n.kids[i+1], c)
			m.put(k, v)
		}
		return m
	case nList:
		l := newList(lArrayList, make([]any, 0, len(n.kids)))
		for _, k := range n.kids {
			l.elems = append(l.elems, r.value(k, c))
		}
		return l
	case nRange:
		return r.rangeValue(n, c)
	case nExpression:
		return r.value(n.kids[0], c)
	case nOr, nAnd, nNot, nEQ, nNE, nLT, nGT, nLE, nGE:
		return r.evaluate(n, c)
	case nAdd, nSub, nMul, nDiv, nMod:
		return r.math(n, c)
	}
	return nil
}

// rangeValue is ASTIntegerRange.value: the Integers from one bound to the
// other, up or down.
func (r *renderer) rangeValue(n *node, c scope) any {
	left, right := r.value(n.kids[0], c), r.value(n.kids[1], c)
	if left == nil || right == nil || !isNumber(left) || !isNumber(right) {
		return nil
	}
	l, h := int64(intValue(left)), int64(intValue(right))
	count := h - l
	if count < 0 {
		count = -count
	}
	count++
	if count > int64(r.opts.MaxIterations) {
		r.failLimit(n, "the range [%d..%d] has %d elements, more than Options.MaxIterations (%d)", l, h, count, r.opts.MaxIterations)
	}
	r.countAlloc(int(count))
	delta := int64(1)
	if l >= h {
		delta = -1
	}
	elems := make([]any, count)
	v := l
	for i := range elems {
		elems[i] = jInt(int32(v))
		v += delta
	}
	return newList(lArrayList, elems)
}

// math is ASTMathNode.value: a String on either side of + concatenates;
// otherwise both sides must be numbers (else null), and division or
// modulus by zero is null.
func (r *renderer) math(n *node, c scope) any {
	left, right := r.value(n.kids[0], c), r.value(n.kids[1], c)
	r.node = n
	if n.kind == nAdd {
		_, ls := left.(string)
		_, rs := right.(string)
		if ls || rs {
			lt, rt := "", ""
			if left == nil {
				lt = n.kids[0].literal()
			} else {
				lt = r.str(left)
			}
			if right == nil {
				rt = n.kids[1].literal()
			} else {
				rt = r.str(right)
			}
			r.checkSize(len(lt) + len(rt))
			return lt + rt
		}
	}
	if !isNumber(left) || !isNumber(right) {
		return nil
	}
	switch n.kind {
	case nAdd:
		return mathAdd(left, right)
	case nSub:
		return mathSub(left, right)
	case nMul:
		return mathMul(left, right)
	case nDiv:
		if mathIsZero(right) {
			return nil
		}
		return mathDiv(left, right)
	}
	if mathIsZero(right) {
		return nil
	}
	v, ok := mathMod(left, right)
	if !ok {
		r.fail(n, "the modulus of these numbers cannot be computed (Java throws ArithmeticException)")
	}
	return v
}

// evaluate is Node.evaluate: the truth of a condition. Nodes Velocity
// gives no evaluate() (strings, numbers, lists, arithmetic) are false.
func (r *renderer) evaluate(n *node, c scope) bool {
	r.node = n
	r.step()
	switch n.kind {
	case nExpression:
		return r.evaluate(n.kids[0], c)
	case nReference:
		v := r.execRef(n, c)
		switch x := v.(type) {
		case nil:
			return false
		case bool:
			return x
		case *blockRef:
			_, ok := r.blockString(x)
			return ok
		}
		return true
	case nTrue:
		return true
	case nOr:
		return r.evaluate(n.kids[0], c) || r.evaluate(n.kids[1], c)
	case nAnd:
		return r.evaluate(n.kids[0], c) && r.evaluate(n.kids[1], c)
	case nNot:
		return !r.evaluate(n.kids[0], c)
	case nEQ, nNE:
		left, right := r.value(n.kids[0], c), r.value(n.kids[1], c)
		eq := r.equal(left, right)
		if n.kind == nNE {
			return !eq
		}
		return eq
	case nLT, nGT, nLE, nGE:
		left, right := r.value(n.kids[0], c), r.value(n.kids[1], c)
		if !isNumber(left) || !isNumber(right) {
			return false
		}
		cmp := mathCompare(left, right)
		switch n.kind {
		case nLT:
			return cmp == -1
		case nGT:
			return cmp == 1
		case nLE:
			return cmp == -1 || cmp == 0
		}
		return cmp == 1 || cmp == 0
	}
	return false
}

// equal is ASTEQNode: numbers compare by value; objects of related
// classes with equals(); anything else by toString().
func (r *renderer) equal(left, right any) bool {
	if isNumber(left) && isNumber(right) {
		return mathCompare(left, right) == 0
	}
	if left != nil && right != nil && assignableClasses(left, right) {
		return javaEquals(left, right)
	}
	ls, lok := r.javaString(left)
	rs, rok := r.javaString(right)
	if !lok || !rok {
		return !lok && !rok
	}
	return ls == rs
}

// javaString is v.toString(); ok is false for null (or a #define block
// too deeply nested to render).
func (r *renderer) javaString(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case *blockRef:
		return r.blockString(x)
	}
	return toString(v), true
}
